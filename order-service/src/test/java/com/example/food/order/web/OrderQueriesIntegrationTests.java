package com.example.food.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /orders/{id} and GET /orders. */
class OrderQueriesIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void showsAnOrderWithEverythingACustomerNeeds() {
		inventory.reserves();
		UUID orderId = orderId(placeOrder(ORDER));

		Response response = http().get("/orders/" + orderId);

		assertThat(response.status()).isEqualTo(200);
		JsonNode order = response.json();
		assertThat(order.get("id").asString()).isEqualTo(orderId.toString());
		assertThat(order.get("customerId").asString()).isEqualTo("c-42");
		assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
		assertThat(order.get("reason").isNull()).isTrue();
		assertThat(order.get("lines").get(0).get("sku").asString()).isEqualTo("PIZZA-MARGHERITA");
		assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(order.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("9.50");
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(order.get("deliveryAddress").get("city").asString()).isEqualTo("Springfield");
		assertThat(order.has("createdAt")).isTrue();
		assertThat(order.has("updatedAt")).isTrue();
		assertThat(order.has("paymentToken")).as("not shown back").isFalse();
	}

	@Test
	void answersAnUnknownOrderWith404() {
		UUID unknown = UUID.randomUUID();

		Response response = http().get("/orders/" + unknown);

		assertProblem(response, 404, "order-not-found");
		assertThat(response.json().get("orderId").asString()).isEqualTo(unknown.toString());
	}

	@Test
	void answersAMalformedOrderIdWith400() {
		Response response = http().get("/orders/not-a-uuid");

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("id");
	}

	@Test
	void listsOrdersNewestFirstPageByPageAndByStatus() {
		inventory.reserves();
		List<UUID> placed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			placed.add(orderId(placeOrder(ORDER)));
		}
		inventory.reset();
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");
		placeOrder(ORDER);

		Response firstPage = http().get("/orders?status=AWAITING_PAYMENT&page=0&size=2");
		Response secondPage = http().get("/orders?status=AWAITING_PAYMENT&page=1&size=2");
		Response all = http().get("/orders");

		assertThat(ids(firstPage)).containsExactly(placed.get(2), placed.get(1));
		assertThat(ids(secondPage)).containsExactly(placed.get(0));
		JsonNode page = firstPage.json().get("page");
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("number").asInt()).isEqualTo(0);
		assertThat(page.get("totalElements").asLong()).isEqualTo(3);
		assertThat(page.get("totalPages").asInt()).isEqualTo(2);
		assertThat(all.json().get("page").get("totalElements").asLong()).isEqualTo(4);
		assertThat(all.json().get("content").get(0).get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void capsThePageSize() {
		Response response = http().get("/orders?size=1000");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("page").get("size").asInt()).isEqualTo(100);
	}

	@Test
	void refusesAnUnknownStatus() {
		Response response = http().get("/orders?status=EATEN");

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("status");
	}

	@Test
	void refusesANegativePage() {
		Response response = http().get("/orders?page=-1");

		assertProblem(response, 400, "invalid-request");
	}

	private static List<UUID> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<UUID> ids = new ArrayList<>();
		response.json().get("content").forEach(order -> ids.add(UUID.fromString(order.get("id").asString())));
		return ids;
	}

}
