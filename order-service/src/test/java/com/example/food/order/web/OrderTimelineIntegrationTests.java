package com.example.food.order.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /orders/{id}/timeline: the order's own steps (the saga's facts are in the saga
 * tests).
 */
class OrderTimelineIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void showsThePlacementAndTheCustomersCancellationRequest() {
		inventory.reserves();
		UUID orderId = orderId(placeOrder(ORDER));
		http().postJson("/orders/" + orderId + "/cancel", "");

		List<JsonNode> steps = timeline(orderId);

		assertThat(steps).hasSize(2);
		assertThat(steps.get(0).get("step").asString()).isEqualTo("placed");
		assertThat(steps.get(0).get("service").asString()).isEqualTo("order");
		assertThat(steps.get(0).get("statusAfter").asString()).isEqualTo("AWAITING_PAYMENT");
		assertThat(steps.get(0).get("detail").asString()).isEqualTo("1 line(s), total 19.00");
		assertThat(steps.get(0).get("ignored").asBoolean()).isFalse();
		assertThat(steps.get(1).get("step").asString()).isEqualTo("cancellation requested by customer");
		assertThat(steps.get(1).get("statusAfter").asString()).isEqualTo("CANCELLING");
		assertThat(steps.get(1).get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
	}

	@Test
	void showsARejectionWithTheShortSkus() {
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");
		UUID orderId = UUID.fromString(placeOrder(ORDER).json().get("orderId").asString());

		assertThat(timeline(orderId)).singleElement().satisfies(step -> {
			assertThat(step.get("step").asString()).isEqualTo("rejected");
			assertThat(step.get("statusAfter").asString()).isEqualTo("REJECTED");
			assertThat(step.get("reason").asString()).isEqualTo("STOCK_INSUFFICIENT");
			assertThat(step.get("detail").asString()).contains("PIZZA-MARGHERITA");
		});
	}

	@Test
	void showsACancellationForUnavailableInventory() {
		inventory.answers(503);
		UUID orderId = UUID.fromString(placeOrder(ORDER).json().get("orderId").asString());

		assertThat(timeline(orderId)).singleElement().satisfies(step -> {
			assertThat(step.get("step").asString()).isEqualTo("inventory unavailable");
			assertThat(step.get("statusAfter").asString()).isEqualTo("CANCELLED");
			assertThat(step.get("reason").asString()).isEqualTo("INVENTORY_UNAVAILABLE");
		});
	}

	@Test
	void answersAnUnknownOrderWith404() {
		assertProblem(http().get("/orders/" + UUID.randomUUID() + "/timeline"), 404, "order-not-found");
	}

	private List<JsonNode> timeline(UUID orderId) {
		Response response = http().get("/orders/" + orderId + "/timeline");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return StreamSupport.stream(response.json().spliterator(), false).toList();
	}

}
