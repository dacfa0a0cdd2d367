package com.example.food.kitchen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kitchen-service on the test run's real PostgreSQL and RabbitMQ, driven only through its
 * real inputs (events on the bus, HTTP) and checked through its real outputs (events,
 * HTTP, its tables). Preparation takes 200 ms and the timer polls every 100 ms (see
 * config/application.yml); a test that must act before a meal is ready holds the
 * {@link TestClock} still.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@Import(KitchenTestConfiguration.class)
public abstract class KitchenIntegrationTestSupport {

	public static final DeliveryAddress ADDRESS = new DeliveryAddress("1 Main St", "Springfield", "12345");

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestClock clock;

	@Autowired
	ConnectionFactory connectionFactory;

	protected EventProbe bus;

	@BeforeEach
	void openProbe() {
		bus = EventProbe.on(connectionFactory);
	}

	@AfterEach
	void closeProbeAndRestoreTime() {
		clock.unfreeze();
		bus.close();
	}

	protected HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	/** A SKU no other test uses: the list of unavailable SKUs is shared by every test. */
	protected static String newSku() {
		return "DISH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/**
	 * payment.completed for the order, one of each SKU at 10.00, as payment-service would
	 * announce it.
	 */
	protected static EventEnvelope paymentCompleted(UUID orderId, String... skus) {
		List<OrderLine> lines = Arrays.stream(skus)
			.map(sku -> new OrderLine(sku, "Dish " + sku, 1, new BigDecimal("10.00")))
			.toList();
		BigDecimal total = new BigDecimal("10.00").multiply(BigDecimal.valueOf(skus.length));
		return EventEnvelope.of(new PaymentCompleted(UUID.randomUUID(), total, "c-42", lines, ADDRESS), orderId);
	}

	/** order.cancellation-requested for the order, as order-service would ask it. */
	protected static EventEnvelope cancellationRequested(UUID orderId, CancellationReason reason) {
		return EventEnvelope.of(new OrderCancellationRequested(reason, null), orderId);
	}

	/**
	 * Waits until the kitchen has handled the event: its id is recorded in the same
	 * transaction as the effect.
	 */
	protected void awaitHandled(EventEnvelope event) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from processed_event where event_id = :id")
				.param("id", event.eventId())
				.query(Integer.class)
				.single() == 1);
	}

	/**
	 * The events the kitchen wrote to its outbox about the order, oldest first; the bus
	 * gets these and only these.
	 */
	protected List<EventEnvelope> outbox(UUID orderId) {
		return jdbc.sql("select payload from outbox_message where order_id = :orderId order by id")
			.param("orderId", orderId)
			.query(String.class)
			.list()
			.stream()
			.map(EventJson::read)
			.toList();
	}

	protected List<String> outboxTypes(UUID orderId) {
		return outbox(orderId).stream().map(EventEnvelope::type).toList();
	}

	protected int ticketRows(UUID orderId) {
		return jdbc.sql("select count(*) from ticket where order_id = :orderId")
			.param("orderId", orderId)
			.query(Integer.class)
			.single();
	}

	/** GET /tickets?orderId=..., which must find it. */
	protected tools.jackson.databind.JsonNode ticket(UUID orderId) {
		HttpTestClient.Response response = http().get("/tickets?orderId=" + orderId);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	protected String ticketStatus(UUID orderId) {
		return ticket(orderId).get("status").asString();
	}

}
