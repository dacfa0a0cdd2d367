package com.example.food.payment.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.payment.PaymentIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /payments?orderId=... and GET /payments/{id}: what became of an order's payment. */
class PaymentQueriesIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void showsTheChargedPaymentOfAnOrder() {
		UUID orderId = UUID.randomUUID();
		bus.publish(placed(orderId, "tok_visa"));
		PaymentCompleted charged = bus.await(PaymentCompleted.class, orderId);

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("id").asString()).isEqualTo(charged.paymentId().toString());
		assertThat(response.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(response.json().get("status").asString()).isEqualTo("CHARGED");
		assertThat(response.json().get("amount").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(response.json().get("customerId").asString()).isEqualTo("c-42");
		assertThat(response.json().get("createdAt").isNull()).isFalse();
		assertThat(response.json().get("refundedAt").isNull()).isTrue();
		assertThat(http().get("/payments/" + charged.paymentId()).body()).isEqualTo(response.body());
	}

	@Test
	void showsWhyAPaymentWasDeclined() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(placed(orderId, "tok_declined"));

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(response.json().get("reason").asString()).isEqualTo("card declined");
	}

	@Test
	void showsATombstoneWithoutAnAmount() {
		UUID orderId = UUID.randomUUID();
		publishAndAwaitHandled(cancelled(orderId, CancellationReason.CUSTOMER_REQUEST));

		Response response = http().get("/payments?orderId=" + orderId);

		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED_BEFORE_CHARGE");
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
