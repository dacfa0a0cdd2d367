package com.example.food.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentVoided;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** ticket.accepted: the amount held is taken, once, and never for a hold that is gone. */
class CaptureIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void capturesTheHoldWhenTheKitchenAccepts() {
		UUID orderId = UUID.randomUUID();
		PaymentCompleted held = held(orderId);
		EventEnvelope accepted = accepted(orderId);

		bus.publish(accepted);

		EventEnvelope captured = bus.awaitEnvelope(PaymentCaptured.class, orderId);
		assertThat(captured.causationId()).isEqualTo(accepted.eventId());
		assertThat(((PaymentCaptured) captured.payload()).paymentId()).isEqualTo(held.paymentId());
		assertThat(((PaymentCaptured) captured.payload()).amount()).isEqualByComparingTo("19.00");
		Payment payment = payment(orderId);
		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.times().capturedAt()).isNotNull();
		assertThat(payment.pendingOperation()).isNull();
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE");
		assertThat(ledger(orderId).get(1)).containsEntry("idempotency_key", orderId + ":capture")
			.containsEntry("amount", new BigDecimal("19.00"));
	}

	@Test
	void capturesOnceEvenWhenTheKitchenAcceptsTwice() {
		UUID orderId = UUID.randomUUID();
		held(orderId);
		EventEnvelope accepted = accepted(orderId);

		bus.publish(accepted);
		bus.publish(accepted);
		publishAndAwaitHandled(EventEnvelope.of(accepted.payload(), orderId));

		bus.await(PaymentCaptured.class, orderId);
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentCaptured.class, orderId).size() == 1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_CAPTURED)).isEqualTo(1);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE");
	}

	@Test
	void capturesNothingWhenTheKitchenAcceptsAfterTheOrderWasCancelled() {
		UUID orderId = UUID.randomUUID();
		held(orderId);
		bus.publish(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));
		bus.await(PaymentVoided.class, orderId);

		publishAndAwaitHandled(accepted(orderId));

		assertThat(paymentStatus(orderId)).isEqualTo("VOIDED");
		assertThat(intent(orderId)).containsEntry("pending_operation", null);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_CAPTURED)).isZero();
	}

	@Test
	void capturesNothingForADeclinedPayment() {
		UUID orderId = UUID.randomUUID();
		bus.publish(placed(orderId, "tok_declined"));
		bus.await(PaymentFailed.class, orderId);

		publishAndAwaitHandled(accepted(orderId));

		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_CAPTURED)).isZero();
	}

}
