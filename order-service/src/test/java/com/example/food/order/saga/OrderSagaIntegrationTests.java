package com.example.food.order.saga;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's part of the saga: the happy path of facts, and each fact that ends an
 * order.
 */
class OrderSagaIntegrationTests extends SagaIntegrationTestSupport {

	@Test
	void movesAnOrderThroughEveryStateToDeliveredAndListsEveryStepInOrder() {
		UUID orderId = placedOrder();

		deliverThroughTheSaga(orderId);

		List<JsonNode> steps = timeline(orderId);
		assertThat(field(steps, "step")).containsExactly("placed", "payment.completed", "ticket.accepted",
				"meal.prepared", "delivery.assigned", "delivery.completed");
		assertThat(field(steps, "statusAfter")).containsExactly("AWAITING_PAYMENT", "PAID", "PREPARING",
				"READY_FOR_DELIVERY", "OUT_FOR_DELIVERY", "DELIVERED");
		assertThat(field(steps, "service")).containsExactly("order", "payment", "kitchen", "kitchen", "delivery",
				"delivery");
		assertThat(steps).allSatisfy(step -> assertThat(step.get("ignored").asBoolean()).isFalse());
		assertThat(field(steps, "occurredAt").stream().map(Instant::parse).toList()).isSorted();
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type).containsExactly(RoutingKeys.ORDER_PLACED);
	}

	@Test
	void cancelsForADeclinedPaymentAndAnnouncesItWithTheLines() {
		UUID orderId = placedOrder();

		EventEnvelope failed = publish(paymentFailed(), orderId);

		EventEnvelope cancelled = bus.awaitEnvelope(OrderCancelled.class, orderId);
		assertCancelledBy(cancelled, failed, CancellationReason.PAYMENT_DECLINED, "card declined");
		assertThat(order(orderId).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order(orderId).get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		JsonNode step = awaitStep(orderId, failed);
		assertThat(step.get("statusAfter").asString()).isEqualTo("CANCELLED");
		assertThat(step.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(step.get("detail").asString()).startsWith("card declined");
	}

	@Test
	void cancelsForARejectedTicketAnnouncesItAndNotesTheRefundThatFollows() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);

		EventEnvelope rejected = publish(ticketRejected(), orderId);

		EventEnvelope cancelled = bus.awaitEnvelope(OrderCancelled.class, orderId);
		assertCancelledBy(cancelled, rejected, CancellationReason.KITCHEN_REJECTED,
				"out of dough (unavailable: PIZZA-MARGHERITA)");
		assertThat(order(orderId).get("reason").asString()).isEqualTo("KITCHEN_REJECTED");

		EventEnvelope refunded = publish(paymentRefunded(), orderId);

		JsonNode step = awaitStep(orderId, refunded);
		assertThat(step.get("service").asString()).isEqualTo("payment");
		assertThat(step.get("statusAfter").asString()).isEqualTo("CANCELLED");
		assertThat(step.get("ignored").asBoolean()).isFalse();
		assertThat(field(timeline(orderId), "step")).containsExactly("placed", "payment.completed", "ticket.rejected",
				"payment.refunded");
	}

	@Test
	void cancelsWhenNoCourierCameAndAnnouncesIt() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);
		publishAndAwait(mealPrepared(), orderId);

		EventEnvelope failed = publish(deliveryFailed(), orderId);

		EventEnvelope cancelled = bus.awaitEnvelope(OrderCancelled.class, orderId);
		assertCancelledBy(cancelled, failed, CancellationReason.NO_COURIER,
				"no courier available (after 3 attempt(s))");
		assertThat(awaitStep(orderId, failed).get("statusAfter").asString()).isEqualTo("CANCELLED");
		assertThat(order(orderId).get("reason").asString()).isEqualTo("NO_COURIER");
	}

	@Test
	void asksTheKitchenToCancelAndCompensatesOnlyOnceTheKitchenGrantsIt() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);

		JsonNode answered = requestCancellation(orderId);

		assertThat(answered.get("status").asString()).isEqualTo("CANCELLING");
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type)
			.containsExactly(RoutingKeys.ORDER_PLACED, RoutingKeys.ORDER_CANCELLATION_REQUESTED);
		EventEnvelope granted = publish(ticketCancelled(CancellationReason.CUSTOMER_REQUEST), orderId);

		EventEnvelope cancelled = bus.awaitEnvelope(OrderCancelled.class, orderId);
		assertCancelledBy(cancelled, granted, CancellationReason.CUSTOMER_REQUEST,
				"Cancelled at the customer's request");
		assertThat(status(orderId)).isEqualTo("CANCELLED");
		assertThat(awaitStep(orderId, granted).get("detail").asString()).startsWith("granted by the kitchen");
		assertThat(field(timeline(orderId), "step")).containsExactly("placed", "payment.completed", "ticket.accepted",
				"cancellation requested by customer", "ticket.cancelled");
	}

	@Test
	void keepsTheFactsWhileCancellingAndRunsOnWhenTheKitchenRefuses() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		requestCancellation(orderId);

		publishAndAwait(ticketAccepted(), orderId);
		JsonNode prepared = awaitStep(orderId, publish(mealPrepared(), orderId));
		assertThat(prepared.get("statusAfter").asString()).isEqualTo("CANCELLING");
		assertThat(prepared.get("detail").asString()).contains("returns to READY_FOR_DELIVERY if the kitchen refuses");
		EventEnvelope refused = publish(cancellationRefused(CancellationReason.CUSTOMER_REQUEST), orderId);

		JsonNode step = awaitStep(orderId, refused);
		assertThat(step.get("statusAfter").asString()).isEqualTo("READY_FOR_DELIVERY");
		assertThat(step.get("detail").asString()).contains("refused by the kitchen: the meal is prepared");
		assertThat(order(orderId).get("reason").isNull()).isTrue();
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type)
			.as("nothing to compensate")
			.containsExactly(RoutingKeys.ORDER_PLACED, RoutingKeys.ORDER_CANCELLATION_REQUESTED);
		publishAndAwait(deliveryAssigned(), orderId);
		publishAndAwait(deliveryCompleted(), orderId);
		awaitStatus(orderId, "DELIVERED");
	}

	@Test
	void refusesAnyRequestOnceTheMealIsKnownToBePrepared() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);
		publishAndAwait(mealPrepared(), orderId);

		Response response = http().postJson("/orders/" + orderId + "/cancel", "");

		assertProblem(response, 409, "order-not-cancellable");
		assertThat(status(orderId)).isEqualTo("READY_FOR_DELIVERY");
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type).containsExactly(RoutingKeys.ORDER_PLACED);
	}

	@Test
	void endsACancellingOrderForAFailureFactAndIgnoresTheKitchensLateAnswer() {
		UUID orderId = placedOrder();
		requestCancellation(orderId);

		EventEnvelope failed = publish(paymentFailed(), orderId);
		bus.awaitEnvelope(OrderCancelled.class, orderId);
		JsonNode late = awaitStep(orderId, publish(ticketCancelled(CancellationReason.CUSTOMER_REQUEST), orderId));

		assertThat(awaitStep(orderId, failed).get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(late.get("ignoredBecause").asString()).contains("already cancelled (PAYMENT_DECLINED)");
		assertThat(bus.events(OrderCancelled.class, orderId)).hasSize(1);
	}

	/**
	 * order.cancelled carries the reason, the fact's words and the lines, and names the
	 * fact that caused it.
	 */
	private static void assertCancelledBy(EventEnvelope cancelled, EventEnvelope cause, CancellationReason reason,
			String detail) {
		assertThat(cancelled.causationId()).isEqualTo(cause.eventId());
		OrderCancelled payload = (OrderCancelled) cancelled.payload();
		assertThat(payload.reason()).isEqualTo(reason);
		assertThat(payload.detail()).isEqualTo(detail);
		assertThat(payload.lines()).isEqualTo(LINES);
	}

}
