package com.example.food.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentVoided;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order.cancelled before the kitchen accepted: the hold is released (voided) and nothing
 * is taken, including when the cancellation comes while the gateway has not answered the
 * authorisation yet.
 */
class VoidIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void voidsTheHoldWhenTheOrderIsCancelledBeforeTheKitchenAccepted() {
		UUID orderId = UUID.randomUUID();
		PaymentCompleted held = held(orderId);
		EventEnvelope cancelled = cancelled(orderId, CancellationReason.CUSTOMER_REQUEST);

		bus.publish(cancelled);
		bus.publish(cancelled);
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.DEADLINE_EXCEEDED));

		EventEnvelope voided = bus.awaitEnvelope(PaymentVoided.class, orderId);
		assertThat(voided.causationId()).isEqualTo(cancelled.eventId());
		assertThat(((PaymentVoided) voided.payload()).paymentId()).isEqualTo(held.paymentId());
		assertThat(((PaymentVoided) voided.payload()).amount()).isEqualByComparingTo("19.00");
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentVoided.class, orderId).size() == 1);
		Payment payment = payment(orderId);
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.reason()).isEqualTo("order cancelled (CUSTOMER_REQUEST)");
		assertThat(payment.times().voidedAt()).isNotNull();
		assertThat(payment.times().capturedAt()).isNull();
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_REFUNDED)).isZero();
	}

	@Test
	void voidsAHoldWhoseOrderWasCancelledWhileTheAuthorisationWasPending() {
		UUID orderId = UUID.randomUUID();
		// A slow gateway: the authorisation is asked
		// for, and answered only seconds later.
		gatewayFaults("{\"delay\": \"PT4S\"}");
		bus.publish(placed(orderId, "tok_visa"));
		awaitStatus(orderId, "AUTHORIZING");
		EventEnvelope cancelled = cancelled(orderId, CancellationReason.CUSTOMER_REQUEST);

		publishAndAwaitHandled(cancelled);

		// Remembered, not lost: the cancellation waits
		// for the gateway's answer with the payment.
		assertThat(paymentStatus(orderId)).isEqualTo("AUTHORIZING");
		assertThat(intent(orderId)).containsEntry("pending_operation", "AUTHORIZE")
			.containsEntry("follow_up", "CANCEL");
		gatewayFaults("{}");
		EventEnvelope voided = bus.awaitEnvelope(PaymentVoided.class, orderId);
		assertThat(voided.causationId()).isEqualTo(cancelled.eventId());
		assertThat(paymentStatus(orderId)).isEqualTo("VOIDED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
		// The kitchen never hears of a hold for an order already cancelled.
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
	}

}
