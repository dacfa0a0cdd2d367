package com.example.food.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order.cancelled after the capture: the money goes back (a refund, once), including for
 * an order no courier took and for a cancellation that comes while the capture is
 * pending; and the cancellations that find nothing to give back, including one that
 * arrives before the order.
 */
class RefundIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void refundsACapturedOrderNoCourierTookOnceEvenWhenItsCancellationComesTwice() {
		UUID orderId = UUID.randomUUID();
		held(orderId);
		bus.publish(accepted(orderId));
		PaymentCaptured captured = bus.await(PaymentCaptured.class, orderId);
		// The meal was made and never delivered: the
		// customer did not get it, so the money goes back.
		EventEnvelope cancelled = cancelled(orderId, CancellationReason.NO_COURIER);

		bus.publish(cancelled);
		bus.publish(cancelled);
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		EventEnvelope refunded = bus.awaitEnvelope(PaymentRefunded.class, orderId);
		assertThat(refunded.causationId()).isEqualTo(cancelled.eventId());
		assertThat(((PaymentRefunded) refunded.payload()).paymentId()).isEqualTo(captured.paymentId());
		assertThat(((PaymentRefunded) refunded.payload()).amount()).isEqualByComparingTo(captured.amount());
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentRefunded.class, orderId).size() == 1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_REFUNDED)).isEqualTo(1);
		Payment payment = payment(orderId);
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.reason()).isEqualTo("order cancelled (NO_COURIER)");
		assertThat(payment.times().refundedAt()).isNotNull();
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE", "REFUND");
	}

	@Test
	void refundsACaptureWhoseOrderWasCancelledWhileTheCaptureWasPending() {
		UUID orderId = UUID.randomUUID();
		held(orderId);
		gatewayFaults("{\"delay\": \"PT4S\"}");
		bus.publish(accepted(orderId));
		await().atMost(PATIENCE).until(() -> "CAPTURE".equals(intent(orderId).get("pending_operation")));
		EventEnvelope cancelled = cancelled(orderId, CancellationReason.NO_COURIER);

		publishAndAwaitHandled(cancelled);

		// The capture may have happened at the gateway already:
		// it is not undone, it is refunded once answered.
		assertThat(intent(orderId)).containsEntry("pending_operation", "CAPTURE").containsEntry("follow_up", "CANCEL");
		gatewayFaults("{}");
		EventEnvelope refunded = bus.awaitEnvelope(PaymentRefunded.class, orderId);
		assertThat(refunded.causationId()).isEqualTo(cancelled.eventId());
		assertThat(bus.events(PaymentCaptured.class, orderId)).hasSize(1);
		assertThat(paymentStatus(orderId)).isEqualTo("REFUNDED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE", "REFUND");
	}

	@Test
	void refundsNothingForADeclinedPayment() {
		UUID orderId = UUID.randomUUID();
		bus.publish(placed(orderId, "tok_declined"));
		bus.await(PaymentFailed.class, orderId);

		publishAndAwaitHandled(cancelled(orderId, CancellationReason.PAYMENT_DECLINED));

		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
		assertThat(intent(orderId)).containsEntry("pending_operation", null);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_REFUNDED)).isZero();
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_VOIDED)).isZero();
	}

	@Test
	void holdsNothingForAnOrderWhoseCancellationArrivedFirst() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.INVENTORY_UNAVAILABLE));
		assertThat(paymentStatus(orderId)).isEqualTo("CANCELLED_BEFORE_PAYMENT");

		publishAndAwaitHandled(placed(orderId, "tok_visa"));

		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(paymentStatus(orderId)).isEqualTo("CANCELLED_BEFORE_PAYMENT");
		assertThat(intent(orderId)).containsEntry("pending_operation", null);
		await().during(QUIET)
			.atMost(PATIENCE)
			.until(() -> ledger(orderId).isEmpty() && bus.events(PaymentCompleted.class, orderId).isEmpty());
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_FAILED)).isZero();
	}

	@Test
	void announcesNothingForACancellationBeforeAnyPayment() {
		UUID orderId = UUID.randomUUID();

		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(
				jdbc.queryForList("select routing_key from outbox_message where order_id = ?", String.class, orderId))
			.isEmpty();
	}

}
