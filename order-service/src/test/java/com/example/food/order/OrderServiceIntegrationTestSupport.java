package com.example.food.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

/**
 * order-service over real HTTP, on the test run's real PostgreSQL and RabbitMQ, with
 * inventory played by {@link InventoryStub}. The resilience settings are shortened (read
 * timeout 500 ms, first retry pause 300 ms, breaker wait 1 s) so that the failure paths
 * run in seconds, and the saga deadlines are checked every
 * {@value #DEADLINE_CHECK_INTERVAL_MS} ms; every subclass shares this one configuration,
 * hence one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.openfeign.client.config.inventory.connect-timeout=500",
				"spring.cloud.openfeign.client.config.inventory.read-timeout="
						+ OrderServiceIntegrationTestSupport.READ_TIMEOUT_MS,
				"resilience4j.retry.instances.inventory.wait-duration="
						+ OrderServiceIntegrationTestSupport.FIRST_RETRY_PAUSE_MS + "ms",
				"resilience4j.circuitbreaker.instances.inventory.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.instances.inventory.permitted-number-of-calls-in-half-open-state=1",
				"food.inventory.retry-after=2s",
				"food.saga.deadline-check-interval=" + OrderServiceIntegrationTestSupport.DEADLINE_CHECK_INTERVAL_MS
						+ "ms" })
@WithRealInfrastructure
public abstract class OrderServiceIntegrationTestSupport {

	public static final int READ_TIMEOUT_MS = 500;

	public static final int FIRST_RETRY_PAUSE_MS = 300;

	public static final int DEADLINE_CHECK_INTERVAL_MS = 200;

	public static final String PROBLEM_JSON = "application/problem+json";

	/** The request a learner types, from the README. */
	public static final String ORDER = """
			{"customerId": "c-42",
			 "lines": [{"sku": "PIZZA-MARGHERITA", "quantity": 2}],
			 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
			 "paymentToken": "tok_visa"}""";

	protected static final InventoryStub inventory = new InventoryStub();

	@DynamicPropertySource
	static void inventoryUrl(DynamicPropertyRegistry registry) {
		registry.add("food.inventory.url", inventory::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected Orders orders;

	@Autowired
	CircuitBreakerRegistry breakers;

	private static boolean warmedUp;

	@BeforeEach
	void startFromScratch() {
		warmUpOnce();
		inventory.reset();
		breaker().reset();
		jdbc.execute("truncate order_timeline, order_line, customer_order, outbox_message, idempotency_key");
	}

	// The first order through Feign and Hibernate loads and links their
	// classes, which on a busy machine can take longer than the shortened
	// read timeout: done once, before any test counts calls or measures time.
	private void warmUpOnce() {
		if (!warmedUp) {
			inventory.reserves();
			placeOrder(ORDER);
			warmedUp = true;
		}
	}

	protected HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	protected Response placeOrder(String json) {
		return http().postJson("/orders", json);
	}

	protected Response placeOrder(String json, String idempotencyKey) {
		return http().post("/orders", "application/json", json, Map.of("Idempotency-Key", idempotencyKey));
	}

	protected CircuitBreaker breaker() {
		return breakers.circuitBreaker("inventory");
	}

	protected int orderRows() {
		return count("select count(*) from customer_order");
	}

	protected int outboxRows() {
		return count("select count(*) from outbox_message");
	}

	/** The events written to the outbox for this order, oldest first. */
	protected List<EventEnvelope> outboxEvents(UUID orderId) {
		return jdbc
			.queryForList("select payload from outbox_message where order_id = ? order by id", String.class, orderId)
			.stream()
			.map(EventJson::read)
			.toList();
	}

	protected static UUID orderId(Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}

	private int count(String sql) {
		Integer count = jdbc.queryForObject(sql, Integer.class);
		return count == null ? 0 : count;
	}

}
