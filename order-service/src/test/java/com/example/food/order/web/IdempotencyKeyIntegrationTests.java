package com.example.food.order.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.example.food.infrastructure.retention.RetentionJob;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key makes a client's retry of POST /orders safe. */
class IdempotencyKeyIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Autowired
	RetentionJob retention;

	@Test
	void answersARepeatedRequestWithTheSameOrder() {
		inventory.reserves();
		String key = UUID.randomUUID().toString();

		Response first = placeOrder(ORDER, key);
		Response second = placeOrder(ORDER, key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).as("nothing new was created").isEqualTo(200);
		assertThat(orderId(second)).isEqualTo(orderId(first));
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(orderRows()).isEqualTo(1);
		assertThat(outboxRows()).isEqualTo(1);
		assertThat(inventory.reservationRequests())
			.allSatisfy(request -> assertThat(request.getBodyAsString()).contains(orderId(first).toString()));
	}

	@Test
	void placesOneOrderForConcurrentRequestsWithOneKey() {
		inventory.reservesAfter(100);
		String key = UUID.randomUUID().toString();

		CompletableFuture<Response> one = CompletableFuture.supplyAsync(() -> placeOrder(ORDER, key));
		CompletableFuture<Response> other = CompletableFuture.supplyAsync(() -> placeOrder(ORDER, key));
		List<Response> responses = List.of(one.join(), other.join());

		assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 200);
		assertThat(responses).extracting(response -> orderId(response)).containsOnly(orderId(responses.get(0)));
		assertThat(orderRows()).isEqualTo(1);
		assertThat(outboxRows()).isEqualTo(1);
		assertThat(inventory.reservationRequests()).as("both may ask, but about the same order")
			.allSatisfy(
					request -> assertThat(request.getBodyAsString()).contains(orderId(responses.get(0)).toString()));
	}

	@Test
	void refusesTheSameKeyWithAnotherRequest() {
		inventory.reserves();
		String key = UUID.randomUUID().toString();
		placeOrder(ORDER, key);

		Response response = placeOrder(ORDER.replace("\"quantity\": 2", "\"quantity\": 3"), key);

		assertProblem(response, 422, "idempotency-key-reused");
		assertThat(orderRows()).isEqualTo(1);
		assertThat(inventory.reservationCalls()).isEqualTo(1);
	}

	@Test
	void letsTheClientRetryAfterInventoryWasUnavailable() {
		inventory.answers(503);
		String key = UUID.randomUUID().toString();
		Response unavailable = placeOrder(ORDER, key);
		inventory.reset();
		inventory.reserves();

		Response retried = placeOrder(ORDER, key);

		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(retried.status()).as(retried.body()).isEqualTo(201);
		assertThat(orderId(retried)).as("the cancelled order's reservation is being released: a new order")
			.isNotEqualTo(UUID.fromString(unavailable.json().get("orderId").asString()));
		assertThat(placeOrder(ORDER, key).status()).isEqualTo(200);
	}

	@Test
	void keepsNothingOfARequestForUnknownProducts() {
		inventory.doesNotKnow("PIZZA-MARGHERITA");

		placeOrder(ORDER, UUID.randomUUID().toString());

		assertThat(jdbc.queryForObject("select count(*) from idempotency_key", Integer.class)).isZero();
	}

	@Test
	void forgetsAKeyAfterItsRetentionSoThatItPlacesANewOrder() {
		inventory.reserves();
		String key = UUID.randomUUID().toString();
		UUID first = orderId(placeOrder(ORDER, key));
		jdbc.update("update idempotency_key set created_at = now() - interval '25 hours' where key = ?", key);
		String fresh = UUID.randomUUID().toString();
		placeOrder(ORDER, fresh);

		retention.deleteExpired();

		assertThat(jdbc.queryForList("select key from idempotency_key", String.class)).as("24 h by default")
			.containsExactly(fresh);
		Response again = placeOrder(ORDER, key);
		assertThat(again.status()).isEqualTo(201);
		assertThat(orderId(again)).isNotEqualTo(first);
	}

}
