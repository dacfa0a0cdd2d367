package com.example.food.payment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service on the test run's real PostgreSQL and RabbitMQ, driven only through its
 * real inputs: events published to the bus as order-service and the kitchen would, and
 * HTTP. Its outputs are read from the bus ({@link EventProbe}), its outbox, its table and
 * the gateway's ledger. Each test uses a fresh order id, so tests never see each other's
 * events, and leaves the gateway's faults off. Same configuration as the startup test:
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
public abstract class PaymentIntegrationTestSupport {

	/**
	 * Long enough for a duplicate delivery to have been consumed, had it done anything.
	 */
	protected static final Duration QUIET = Duration.ofSeconds(1);

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	protected static final BigDecimal PIZZA_PRICE = new BigDecimal("9.50");

	@LocalServerPort
	int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private Payments allPayments;

	@Autowired
	ConnectionFactory connectionFactory;

	protected EventProbe bus;

	@BeforeEach
	void openProbe() {
		bus = EventProbe.on(connectionFactory);
	}

	@AfterEach
	void closeProbe() {
		bus.close();
	}

	@AfterEach
	void switchGatewayFaultsOff() {
		Response response = http().asAdmin().delete("/admin/gateway/faults");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	protected HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	/** An order of {@code pizzas} Margheritas at 9.50, as order-service announces it. */
	protected static OrderPlaced orderPlaced(String paymentToken, int pizzas) {
		OrderLine line = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", pizzas, PIZZA_PRICE);
		return new OrderPlaced("c-42", List.of(line), line.lineTotal(),
				new DeliveryAddress("1 Main St", "Springfield", "12345"), paymentToken);
	}

	protected static OrderPlaced orderPlaced(String paymentToken) {
		return orderPlaced(paymentToken, 2);
	}

	protected static EventEnvelope placed(UUID orderId, String paymentToken) {
		return EventEnvelope.of(orderPlaced(paymentToken), orderId);
	}

	/**
	 * Places an order paid with tok_visa and waits until payment holds its amount
	 * (payment.completed).
	 */
	protected PaymentCompleted held(UUID orderId) {
		bus.publish(placed(orderId, "tok_visa"));
		return bus.await(PaymentCompleted.class, orderId);
	}

	protected static EventEnvelope cancelled(UUID orderId, CancellationReason reason) {
		return EventEnvelope.of(new OrderCancelled(reason, "test", orderPlaced("tok_visa").lines()), orderId);
	}

	/** The kitchen accepting the order, as kitchen-service announces it. */
	protected static EventEnvelope accepted(UUID orderId) {
		return EventEnvelope.of(new TicketAccepted(UUID.randomUUID(), orderPlaced("tok_visa").lines()), orderId);
	}

	/**
	 * Switches the simulated gateway's faults, e.g. {@code {"delay": "PT4S"}} or
	 * {@code {"failNext": 1}}.
	 */
	protected void gatewayFaults(String json) {
		Response response = http().asAdmin().putJson("/admin/gateway/faults", json);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/**
	 * Publishes the event and waits until payment has handled it (its id is recorded as
	 * processed).
	 */
	protected void publishAndAwaitHandled(EventEnvelope event) {
		bus.publish(event);
		await().atMost(PATIENCE).until(() -> processed(event.eventId()));
	}

	protected boolean processed(UUID eventId) {
		return count("select count(*) from processed_event where event_id = ?", eventId) == 1;
	}

	/**
	 * What payment wrote to its outbox for the order with this routing key: final once
	 * the handler committed.
	 */
	protected int outboxEvents(UUID orderId, String routingKey) {
		return count("select count(*) from outbox_message where order_id = ? and routing_key = ?", orderId, routingKey);
	}

	protected int payments(UUID orderId) {
		return count("select count(*) from payment where order_id = ?", orderId);
	}

	/** The order's payment, as the service keeps it. */
	protected Payment payment(UUID orderId) {
		return allPayments.findByOrderId(orderId)
			.orElseThrow(() -> new AssertionError("no payment for order " + orderId));
	}

	protected String paymentStatus(UUID orderId) {
		return payment(orderId).status().name();
	}

	/** Waits until the order's payment has this status (settled, or AUTHORIZING). */
	protected void awaitStatus(UUID orderId, String status) {
		await().atMost(PATIENCE)
			.until(() -> allPayments.findByOrderId(orderId)
				.filter(payment -> payment.status().name().equals(status))
				.isPresent());
	}

	/** The payment's pending operation, its follow-up and its calls so far. */
	protected Map<String, Object> intent(UUID orderId) {
		return jdbc.queryForMap("select pending_operation, follow_up, attempts from payment where order_id = ?",
				orderId);
	}

	/** The gateway's ledger for the order, oldest first. */
	protected List<Map<String, Object>> ledger(UUID orderId) {
		return jdbc.queryForList("select * from gateway_ledger where order_id = ? order by recorded_at", orderId);
	}

	/**
	 * The operations in the order's ledger, oldest first: each is there at most once,
	 * under its key.
	 */
	protected List<String> ledgerOperations(UUID orderId) {
		return ledger(orderId).stream().map(entry -> (String) entry.get("operation")).toList();
	}

	protected int count(String sql, Object... args) {
		Integer count = jdbc.queryForObject(sql, Integer.class, args);
		return count == null ? 0 : count;
	}

}
