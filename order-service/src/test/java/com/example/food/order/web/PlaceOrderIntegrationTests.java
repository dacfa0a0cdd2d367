package com.example.food.order.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.Order;
import com.example.food.order.OrderServiceIntegrationTestSupport;
import com.example.food.order.OrderStatus;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /orders when inventory answers: reserved, not enough stock, unknown products. */
class PlaceOrderIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void savesTheReservedOrderAndItsEventTogether() {
		inventory.reserves();

		Response response = placeOrder(ORDER);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		UUID orderId = orderId(response);
		assertThat(response.header("Location")).endsWith("/orders/" + orderId);
		assertThat(response.json().get("status").asString()).isEqualTo("AWAITING_PAYMENT");
		assertThat(response.json().get("total").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(response.json().get("lines").get(0).get("name").asString()).isEqualTo("Pizza Margherita");

		Order stored = orders.findById(orderId).orElseThrow();
		assertThat(stored.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(stored.total()).isEqualByComparingTo("19.00");
		assertThat(stored.lines()).singleElement().satisfies(line -> {
			assertThat(line.sku()).isEqualTo("PIZZA-MARGHERITA");
			assertThat(line.name()).isEqualTo("Pizza Margherita");
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.unitPrice()).isEqualByComparingTo("9.50");
		});

		List<EventEnvelope> events = outboxEvents(orderId);
		assertThat(events).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(RoutingKeys.ORDER_PLACED);
			assertThat(event.payload()).isEqualTo(new OrderPlaced("c-42",
					List.of(new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50"))),
					new BigDecimal("19.00"), new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa"));
		});
		assertThat(inventory.reservationRequests()).singleElement()
			.satisfies(request -> assertThat(request.getBodyAsString()).contains(orderId.toString()));
	}

	@Test
	void keepsAnOrderRejectedForWantOfStockAndNamesTheShortSkus() {
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");

		Response response = placeOrder(ORDER);

		assertProblem(response, 409, "stock-insufficient");
		assertThat(response.json().get("shortages").get(0).get("sku").asString()).isEqualTo("PIZZA-MARGHERITA");
		assertThat(response.json().get("shortages").get(0).get("available").asInt()).isEqualTo(1);
		UUID orderId = UUID.fromString(response.json().get("orderId").asString());

		Response order = http().get("/orders/" + orderId);
		assertThat(order.status()).isEqualTo(200);
		assertThat(order.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.json().get("reason").asString()).isEqualTo("STOCK_INSUFFICIENT");
		assertThat(order.json().get("reasonDetail").asString()).contains("PIZZA-MARGHERITA");
		assertThat(order.json().get("lines").get(0).get("unitPrice").isNull()).isTrue();
		assertThat(order.json().get("total").isNull()).isTrue();
		assertThat(outboxRows()).as("nothing was reserved, so nothing needs undoing").isZero();
		assertThat(inventory.reservationCalls()).isEqualTo(1);
	}

	@Test
	void placesNothingForUnknownProducts() {
		inventory.doesNotKnow("PIZZA-HAWAII");

		Response response = placeOrder(ORDER.replace("PIZZA-MARGHERITA", "PIZZA-HAWAII"));

		assertProblem(response, 422, "unknown-product");
		assertThat(response.json().get("skus").get(0).asString()).isEqualTo("PIZZA-HAWAII");
		assertThat(orderRows()).isZero();
		assertThat(outboxRows()).isZero();
		assertThat(inventory.reservationCalls()).isEqualTo(1);
	}

	@Test
	void mergesLinesOfTheSameSkuBeforeAskingInventory() {
		inventory.reserves();

		Response response = placeOrder(ORDER.replace("""
				[{"sku": "PIZZA-MARGHERITA", "quantity": 2}]""", """
				[{"sku": "PIZZA-MARGHERITA", "quantity": 1}, {"sku": "PIZZA-MARGHERITA", "quantity": 1}]"""));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(inventory.reservationRequests().getFirst().getBodyAsString()).contains("\"quantity\":2")
			.doesNotContain("\"quantity\":1");
	}

}
