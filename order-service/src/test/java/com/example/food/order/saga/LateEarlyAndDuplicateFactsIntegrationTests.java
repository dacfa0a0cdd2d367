package com.example.food.order.saga;

import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts that do not fit the order's state: each is handled or ignored on purpose, and the
 * timeline says which and why. None of them is thrown back (that would retry and
 * dead-letter it).
 *
 * <p>
 * Facts are published one at a time, each once the order has taken the one before: a fact
 * handed back for a retry, or taken by the listener of another cached test context, may
 * otherwise overtake the next one. Where a test must know that a duplicate was processed
 * and changed nothing, it publishes a refund after it as a marker: once the marker is in
 * the timeline, the duplicate delivered before it to the same consumer has been
 * processed.
 */
class LateEarlyAndDuplicateFactsIntegrationTests extends SagaIntegrationTestSupport {

	@Test
	void changesNothingTwiceForADuplicateDelivery() {
		UUID orderId = placedOrder();
		EventEnvelope failed = EventEnvelope.of(paymentFailed(), orderId);

		bus.publish(failed);
		bus.publish(failed);
		awaitStep(orderId, failed);
		awaitStep(orderId, publish(paymentRefunded(), orderId));

		assertThat(timeline(orderId)).filteredOn(step -> step.get("step").asString().equals(RoutingKeys.PAYMENT_FAILED))
			.hasSize(1);
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type)
			.containsExactly(RoutingKeys.ORDER_PLACED, RoutingKeys.ORDER_CANCELLED);
		bus.await(OrderCancelled.class, orderId);
		assertThat(bus.events(OrderCancelled.class, orderId)).hasSize(1);
	}

	@Test
	void ignoresTheSameFactAgainUnderANewEventIdAndSaysItIsADuplicate() {
		UUID orderId = placedOrder();
		publish(paymentCompleted(), orderId);
		awaitStatus(orderId, "PAID");

		JsonNode again = awaitStep(orderId, publish(paymentCompleted(), orderId));

		assertThat(again.get("ignored").asBoolean()).isTrue();
		assertThat(again.get("ignoredBecause").asString()).startsWith("duplicate: the order is already PAID");
		assertThat(again.get("statusAfter").asString()).isEqualTo("PAID");
	}

	@Test
	void ignoresAPaymentForAnOrderTheCustomerCancelledAndSaysSoInTheTimeline() {
		UUID orderId = placedOrder();
		requestCancellation(orderId);
		publishAndAwait(ticketCancelled(CancellationReason.CUSTOMER_REQUEST), orderId);

		EventEnvelope paid = publish(paymentCompleted(), orderId);

		JsonNode step = awaitStep(orderId, paid);
		assertThat(step.get("ignored").asBoolean()).isTrue();
		assertThat(step.get("ignoredBecause").asString()).contains("already cancelled (CUSTOMER_REQUEST)")
			.contains("payment voids this hold");
		assertThat(step.get("statusAfter").asString()).isEqualTo("CANCELLED");
		assertThat(status(orderId)).isEqualTo("CANCELLED");
		assertThat(field(timeline(orderId), "step")).containsExactly("placed", "cancellation requested by customer",
				"ticket.cancelled", "payment.completed");
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type)
			.containsExactly(RoutingKeys.ORDER_PLACED, RoutingKeys.ORDER_CANCELLATION_REQUESTED,
					RoutingKeys.ORDER_CANCELLED);
	}

	@Test
	void acceptsAKitchenAcceptanceThatArrivesBeforeThePaymentAndIgnoresThePaymentWhenItComes() {
		UUID orderId = placedOrder();

		JsonNode accepted = awaitStep(orderId, publish(ticketAccepted(), orderId));
		JsonNode paid = awaitStep(orderId, publish(paymentCompleted(), orderId));

		assertThat(accepted.get("statusAfter").asString()).isEqualTo("PREPARING");
		assertThat(accepted.get("detail").asString()).contains("arrived early: [PAID] taken as implied");
		assertThat(paid.get("ignored").asBoolean()).isTrue();
		assertThat(paid.get("ignoredBecause").asString()).isEqualTo("late: the order is already PREPARING, past PAID");
		assertThat(status(orderId)).isEqualTo("PREPARING");
	}

	@Test
	void cancelsForADeliveryFailureThatArrivesBeforeTheMealAndIgnoresLaterFacts() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);

		JsonNode failed = awaitStep(orderId, publish(deliveryFailed(), orderId));
		JsonNode declined = awaitStep(orderId, publish(paymentFailed(), orderId));

		assertThat(failed.get("ignored").asBoolean()).as("delivery.failed before meal.prepared is early, not ignored")
			.isFalse();
		assertThat(failed.get("statusAfter").asString()).isEqualTo("CANCELLED");
		assertThat(declined.get("ignored").asBoolean()).isTrue();
		assertThat(declined.get("ignoredBecause").asString()).isEqualTo("the order was already cancelled (NO_COURIER)");
		assertThat(bus.await(OrderCancelled.class, orderId).reason().name()).isEqualTo("NO_COURIER");
	}

	@Test
	void ignoresAPaymentFailureForAPaidOrder() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);

		JsonNode declined = awaitStep(orderId, publish(paymentFailed(), orderId));

		assertThat(declined.get("ignored").asBoolean()).isTrue();
		assertThat(declined.get("ignoredBecause").asString())
			.isEqualTo("contradicts an earlier fact: the order is already PAID, too far along for PAYMENT_DECLINED");
		assertThat(status(orderId)).isEqualTo("PAID");
		assertThat(outboxEvents(orderId)).extracting(EventEnvelope::type).containsExactly(RoutingKeys.ORDER_PLACED);
	}

	@Test
	void ignoresAFactForAnUnknownOrderWithoutDeadLetteringIt() {
		UUID unknown = UUID.randomUUID();

		EventEnvelope paid = publish(paymentCompleted(), unknown);

		Awaitility.await().until(() -> processed(paid));
		assertThat(jdbc.queryForObject("select count(*) from dead_letter where event_id = ?", Integer.class,
				paid.eventId().toString()))
			.isZero();
		assertThat(
				jdbc.queryForObject("select count(*) from order_timeline where order_id = ?", Integer.class, unknown))
			.isZero();
	}

	private boolean processed(EventEnvelope event) {
		List<Integer> rows = jdbc.queryForList("select 1 from processed_event where event_id = ?", Integer.class,
				event.eventId());
		return !rows.isEmpty();
	}

}
