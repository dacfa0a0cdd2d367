package com.example.food.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order.cancelled: the compensation (a refund, once) and the cancellations that find nothing to
 * refund, including one that arrives before the order it cancels.
 */
class RefundIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void refundsAChargedOrderOnceEvenWhenItsCancellationComesTwice() {
		UUID orderId = UUID.randomUUID();
		bus.publish(placed(orderId, "tok_visa"));
		PaymentCompleted charged = bus.await(PaymentCompleted.class, orderId);
		EventEnvelope cancelled = cancelled(orderId, CancellationReason.KITCHEN_REJECTED);

		bus.publish(cancelled);
		bus.publish(cancelled);
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		EventEnvelope refunded = bus.awaitEnvelope(PaymentRefunded.class, orderId);
		assertThat(refunded.causationId()).isEqualTo(cancelled.eventId());
		assertThat(((PaymentRefunded) refunded.payload()).paymentId()).isEqualTo(charged.paymentId());
		assertThat(((PaymentRefunded) refunded.payload()).amount()).isEqualByComparingTo(charged.amount());
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentRefunded.class, orderId).size() == 1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_REFUNDED)).isEqualTo(1);
		assertThat(jdbc.queryForMap("select status, reason, refunded_at is not null as refunded from payment where order_id = ?",
				orderId))
			.containsEntry("status", "REFUNDED")
			.containsEntry("reason", "order cancelled (KITCHEN_REJECTED)")
			.containsEntry("refunded", true);
	}

	@Test
	void refundsNothingForADeclinedPayment() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(placed(orderId, "tok_declined"));

		publishAndAwaitHandled(cancelled(orderId, CancellationReason.PAYMENT_DECLINED));

		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_REFUNDED)).isZero();
		assertThat(bus.events(PaymentRefunded.class, orderId)).isEmpty();
	}

	@Test
	void doesNotChargeAnOrderWhoseCancellationArrivedFirst() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.INVENTORY_UNAVAILABLE));
		assertThat(paymentStatus(orderId)).isEqualTo("CANCELLED_BEFORE_CHARGE");

		publishAndAwaitHandled(placed(orderId, "tok_visa"));

		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(paymentStatus(orderId)).isEqualTo("CANCELLED_BEFORE_CHARGE");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_FAILED)).isZero();
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentCompleted.class, orderId).isEmpty());
	}

	@Test
	void announcesNothingForACancellationBeforeAnyCharge() {
		UUID orderId = UUID.randomUUID();

		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(jdbc.queryForList("select routing_key from outbox_message where order_id = ?", String.class, orderId))
			.isEmpty();
	}
}
