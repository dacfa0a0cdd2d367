package com.example.food.payment.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.example.food.payment.PaymentIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated gateway on its own: idempotent by key, with a ledger, and faults that
 * lose its answers.
 */
class PaymentGatewayIntegrationTests extends PaymentIntegrationTestSupport {

	@Autowired
	PaymentGateway gateway;

	@Autowired
	GatewayFaultSwitch faults;

	@Test
	void answersACallWithAKnownKeyFromTheLedgerAndDoesNothingAgain() {
		UUID orderId = UUID.randomUUID();

		GatewayDecision first = gateway.submit(authorize(orderId, "tok_visa")).join();
		// A different card under the same key: the key
		// names the operation, the ledger has its answer.
		GatewayDecision again = gateway.submit(authorize(orderId, "tok_declined")).join();

		assertThat(first).isEqualTo(new GatewayDecision.Approved());
		assertThat(again).isEqualTo(first);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
	}

	@Test
	void answersConcurrentCallsWithTheSameKeyAlikeAndRecordsOne() {
		UUID orderId = UUID.randomUUID();
		faults.set(new GatewayFaults(Duration.ofMillis(200), 0));

		List<CompletableFuture<GatewayDecision>> calls = IntStream.range(0, 4)
			.mapToObj(i -> gateway.submit(authorize(orderId, "tok_declined")))
			.toList();

		assertThat(calls).extracting(CompletableFuture::join)
			.containsOnly(new GatewayDecision.Declined("card declined"));
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
	}

	@Test
	void losesItsAnswerAfterRecordingWhenSwitchedToAndGivesItToTheRetry() {
		UUID orderId = UUID.randomUUID();
		faults.set(new GatewayFaults(Duration.ZERO, 1));

		CompletableFuture<GatewayDecision> lost = gateway.submit(authorize(orderId, "tok_visa"));

		assertThatThrownBy(lost::get).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(GatewayUnavailable.class);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
		assertThat(gateway.submit(authorize(orderId, "tok_visa")).join()).isEqualTo(new GatewayDecision.Approved());
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
	}

	@Test
	void approvesCaptureVoidAndRefundUnderTheirOwnKeys() {
		UUID orderId = UUID.randomUUID();

		for (GatewayOperation operation : List.of(GatewayOperation.CAPTURE, GatewayOperation.REFUND)) {
			assertThat(gateway.submit(new GatewayRequest(operation, orderId, new BigDecimal("19.00"), null)).join())
				.isEqualTo(new GatewayDecision.Approved());
		}

		assertThat(ledger(orderId)).extracting(entry -> entry.get("idempotency_key"))
			.containsExactly(orderId + ":capture", orderId + ":refund");
	}

	private static GatewayRequest authorize(UUID orderId, String token) {
		return new GatewayRequest(GatewayOperation.AUTHORIZE, orderId, new BigDecimal("19.00"), token);
	}

}
