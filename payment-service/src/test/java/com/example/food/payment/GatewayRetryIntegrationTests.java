package com.example.food.payment;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.RoutingKeys;
import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intent, call, outcome under failure: a gateway that loses its answer, a crash before or
 * after the call, two workers making the same call. Each time the call is repeated with
 * the same idempotency key, the ledger has one entry per operation, and the payment
 * settles once.
 */
class GatewayRetryIntegrationTests extends PaymentIntegrationTestSupport {

	@Autowired
	Payments payments;

	@Autowired
	GatewayCalls calls;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void retriesALostAnswerWithTheSameKeyAndTakesTheMoneyOnlyOnce() {
		UUID orderId = UUID.randomUUID();
		// The gateway does the operation, records it, and its answer is lost.
		gatewayFaults("{\"failNext\": 1}");

		bus.publish(placed(orderId, "tok_visa"));

		bus.await(PaymentCompleted.class, orderId);
		assertThat(intent(orderId)).containsEntry("attempts", 2);
		gatewayFaults("{\"failNext\": 1}");
		bus.publish(accepted(orderId));
		bus.await(PaymentCaptured.class, orderId);
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentCaptured.class, orderId).size() == 1);
		assertThat(intent(orderId)).containsEntry("attempts", 2).containsEntry("pending_operation", null);
		assertThat(paymentStatus(orderId)).isEqualTo("CAPTURED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isEqualTo(1);
	}

	@Test
	void repairsAnIntentLeftPendingByACrashBeforeTheCall() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");
		// The handler's transaction committed the intent;
		// the process died before its call after commit.
		transaction.executeWithoutResult(status -> payments
			.saveAndFlush(Payment.authorizing((OrderPlaced) placed.payload(), placed, Instant.now())));

		EventEnvelope completed = bus.awaitEnvelope(PaymentCompleted.class, orderId);

		assertThat(completed.causationId()).isEqualTo(placed.eventId());
		assertThat(paymentStatus(orderId)).isEqualTo("AUTHORIZED");
		assertThat(intent(orderId)).containsEntry("attempts", 1);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
	}

	@Test
	void repairsAnIntentWhoseCallReachedTheGatewayBeforeTheCrashWithoutCapturingTwice() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");
		EventEnvelope accepted = accepted(orderId);
		// The gateway held and then captured the amount;
		// the process died before it recorded the capture.
		recordInLedger(orderId, GatewayOperation.AUTHORIZE);
		recordInLedger(orderId, GatewayOperation.CAPTURE);
		Payment payment = Payment.authorizing((OrderPlaced) placed.payload(), placed, Instant.now());
		payment.record(GatewayOperation.AUTHORIZE, new GatewayDecision.Approved(), Instant.now());
		payment.requestCapture(accepted.eventId(), Instant.now());
		transaction.executeWithoutResult(status -> payments.saveAndFlush(payment));

		EventEnvelope captured = bus.awaitEnvelope(PaymentCaptured.class, orderId);

		assertThat(captured.causationId()).isEqualTo(accepted.eventId());
		assertThat(paymentStatus(orderId)).isEqualTo("CAPTURED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE");
	}

	@Test
	void recordsTheAnswerOnceWhenTwoWorkersMakeTheSameCall() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");
		Payment payment = Payment.authorizing((OrderPlaced) placed.payload(), placed, Instant.now());
		transaction.executeWithoutResult(status -> payments.saveAndFlush(payment));
		// Slow enough that the second worker calls
		// while the first still waits for its answer.
		gatewayFaults("{\"delay\": \"PT1S\"}");

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> calls.call(payment.id()));
		await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(intent(orderId).get("attempts")));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> calls.call(payment.id()));
		CompletableFuture.allOf(first, second).join();

		assertThat(intent(orderId)).containsEntry("attempts", 2).containsEntry("pending_operation", null);
		assertThat(paymentStatus(orderId)).isEqualTo("AUTHORIZED");
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isEqualTo(1);
	}

	private void recordInLedger(UUID orderId, GatewayOperation operation) {
		jdbc.update("""
				insert into gateway_ledger (idempotency_key, order_id, operation, amount, outcome, recorded_at)
				values (?, ?, ?, 19.00, 'APPROVED', now())
				""", operation.keyFor(orderId), orderId, operation.name());
	}

}
