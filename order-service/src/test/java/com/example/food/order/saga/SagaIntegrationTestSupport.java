package com.example.food.order.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.FoodEvent;
import com.example.food.events.MealPrepared;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.order.OrderServiceIntegrationTestSupport;

/**
 * The saga's tests drive order-service through its real inputs: orders placed over HTTP
 * (inventory stubbed) and the other services' facts published on the real RabbitMQ by an
 * {@link EventProbe}, which also records what order-service publishes.
 */
abstract class SagaIntegrationTestSupport extends OrderServiceIntegrationTestSupport {

	static final List<OrderLine> LINES = List
		.of(new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50")));

	static final DeliveryAddress ADDRESS = new DeliveryAddress("1 Main St", "Springfield", "12345");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	ConnectionFactory connectionFactory;

	EventProbe bus;

	@BeforeEach
	void openTheBus() {
		bus = EventProbe.on(connectionFactory);
	}

	@AfterEach
	void closeTheBus() {
		bus.close();
	}

	/** An order placed over HTTP with inventory reserving it: AWAITING_PAYMENT. */
	UUID placedOrder() {
		inventory.reserves();
		return orderId(placeOrder(ORDER));
	}

	/**
	 * Publishes a fact about the order as its producer would, and returns its envelope.
	 */
	EventEnvelope publish(FoodEvent fact, UUID orderId) {
		EventEnvelope envelope = EventEnvelope.of(fact, orderId);
		bus.publish(envelope);
		return envelope;
	}

	/**
	 * Publishes a fact and waits until the order has taken it (its step is in the
	 * timeline): facts published back to back may be handled out of order (a retried one
	 * goes back to the queue, and other cached test contexts compete for the test's order
	 * queue).
	 */
	EventEnvelope publishAndAwait(FoodEvent fact, UUID orderId) {
		EventEnvelope envelope = publish(fact, orderId);
		awaitStep(orderId, envelope);
		return envelope;
	}

	JsonNode order(UUID orderId) {
		return http().get("/orders/" + orderId).json();
	}

	String status(UUID orderId) {
		return order(orderId).get("status").asString();
	}

	void awaitStatus(UUID orderId, String status) {
		Awaitility.await().atMost(PATIENCE).until(() -> status(orderId).equals(status));
	}

	/**
	 * Publishes the facts of a saga that goes well, one at a time, each once the order
	 * has taken the one before.
	 */
	void deliverThroughTheSaga(UUID orderId) {
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);
		publishAndAwait(mealPrepared(), orderId);
		publishAndAwait(deliveryAssigned(), orderId);
		publishAndAwait(deliveryCompleted(), orderId);
		awaitStatus(orderId, "DELIVERED");
	}

	/** The order's timeline as GET /orders/{id}/timeline shows it. */
	List<JsonNode> timeline(UUID orderId) {
		JsonNode body = http().get("/orders/" + orderId + "/timeline").json();
		return StreamSupport.stream(body.spliterator(), false).toList();
	}

	/**
	 * Waits until the timeline shows the step of this event (handled or ignored), and
	 * returns it.
	 */
	JsonNode awaitStep(UUID orderId, EventEnvelope event) {
		Awaitility.await().atMost(PATIENCE).until(() -> stepOf(orderId, event) != null);
		return stepOf(orderId, event);
	}

	private JsonNode stepOf(UUID orderId, EventEnvelope event) {
		return timeline(orderId).stream()
			.filter(step -> event.eventId().toString().equals(step.path("eventId").stringValue(null)))
			.findFirst()
			.orElse(null);
	}

	static List<String> field(List<JsonNode> steps, String name) {
		return steps.stream().map(step -> step.get(name).asString()).toList();
	}

	static PaymentCompleted paymentCompleted() {
		return new PaymentCompleted(UUID.randomUUID(), new BigDecimal("19.00"), "c-42", LINES, ADDRESS);
	}

	static PaymentFailed paymentFailed() {
		return new PaymentFailed("card declined");
	}

	static PaymentRefunded paymentRefunded() {
		return new PaymentRefunded(UUID.randomUUID(), new BigDecimal("19.00"));
	}

	static TicketAccepted ticketAccepted() {
		return new TicketAccepted(UUID.randomUUID(), LINES);
	}

	static TicketRejected ticketRejected() {
		return new TicketRejected(UUID.randomUUID(), "out of dough", List.of("PIZZA-MARGHERITA"));
	}

	static MealPrepared mealPrepared() {
		return new MealPrepared(UUID.randomUUID(), "c-42", LINES, ADDRESS);
	}

	static DeliveryAssigned deliveryAssigned() {
		return new DeliveryAssigned(UUID.randomUUID(), "courier-7", "Ada");
	}

	static DeliveryCompleted deliveryCompleted() {
		return new DeliveryCompleted(UUID.randomUUID(), "courier-7");
	}

	static DeliveryFailed deliveryFailed() {
		return new DeliveryFailed("no courier available", 3);
	}

	static TicketCancelled ticketCancelled(CancellationReason reason) {
		return new TicketCancelled(UUID.randomUUID(), reason,
				"the ticket was accepted, the meal not yet prepared: dropped");
	}

	static TicketCancellationRefused cancellationRefused(CancellationReason reason) {
		return new TicketCancellationRefused(UUID.randomUUID(), reason, "the meal is prepared");
	}

	/**
	 * POST /orders/{id}/cancel, which must be accepted (202): the order waits for the
	 * kitchen's answer.
	 */
	JsonNode requestCancellation(UUID orderId) {
		var response = http().postJson("/orders/" + orderId + "/cancel", "");
		org.assertj.core.api.Assertions.assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response.json();
	}

}
