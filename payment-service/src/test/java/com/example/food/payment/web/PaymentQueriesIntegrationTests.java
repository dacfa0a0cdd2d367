package com.example.food.payment.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.CancellationReason;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.payment.PaymentIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /payments?orderId=... and GET /payments/{id}: what became of an order's payment,
 * and where its money is.
 */
class PaymentQueriesIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void showsTheHeldPaymentOfAnOrder() {
		UUID orderId = UUID.randomUUID();
		PaymentCompleted held = held(orderId);

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode payment = response.json();
		assertThat(payment.get("id").asString()).isEqualTo(held.paymentId().toString());
		assertThat(payment.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(payment.get("held").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(payment.get("captured").isNull()).isTrue();
		assertThat(payment.get("refunded").isNull()).isTrue();
		assertThat(payment.get("pendingOperation").isNull()).isTrue();
		assertThat(payment.get("customerId").asString()).isEqualTo("c-42");
		assertThat(payment.get("createdAt").isNull()).isFalse();
		assertThat(payment.get("authorizedAt").isNull()).isFalse();
		assertThat(payment.has("paymentToken")).isFalse();
		assertThat(http().get("/payments/" + held.paymentId()).body()).isEqualTo(response.body());
	}

	@Test
	void showsWhatWasCapturedAndRefunded() {
		UUID orderId = UUID.randomUUID();
		held(orderId);
		bus.publish(accepted(orderId));
		bus.await(PaymentCaptured.class, orderId);
		bus.publish(cancelled(orderId, CancellationReason.NO_COURIER));
		bus.await(PaymentRefunded.class, orderId);

		JsonNode payment = http().get("/payments?orderId=" + orderId).json();

		assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(payment.get("held").isNull()).isTrue();
		assertThat(payment.get("captured").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(payment.get("refunded").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(payment.get("capturedAt").isNull()).isFalse();
		assertThat(payment.get("refundedAt").isNull()).isFalse();
		assertThat(payment.get("voidedAt").isNull()).isTrue();
		assertThat(payment.get("reason").asString()).isEqualTo("order cancelled (NO_COURIER)");
	}

	@Test
	void showsWhyAPaymentWasDeclined() {
		UUID orderId = UUID.randomUUID();
		bus.publish(placed(orderId, "tok_declined"));
		bus.await(PaymentFailed.class, orderId);

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(response.json().get("held").isNull()).isTrue();
		assertThat(response.json().get("reason").asString()).isEqualTo("card declined");
	}

	@Test
	void showsATombstoneWithoutAnAmount() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED_BEFORE_PAYMENT");
		assertThat(response.json().get("amount").isNull()).isTrue();
		assertThat(response.json().get("reason").asString()).contains("CUSTOMER_REQUEST");
	}

	@Test
	void answersAnOrderWithoutPaymentWithANotFoundProblem() {
		UUID orderId = UUID.randomUUID();

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://food.example/problems/payment-not-found");
		assertThat(response.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(http().get("/payments/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

}
