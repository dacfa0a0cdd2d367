package com.example.food.order.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.OrderCancelled;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /orders/{id}/cancel: allowed until the kitchen accepts the order. */
class CancelOrderIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void cancelsAnOrderAwaitingPaymentAndAnnouncesItWithItsLines() {
		UUID orderId = placedOrder();

		Response response = cancel(orderId);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(response.json().get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(outboxEvents(orderId)).hasSize(2).last().satisfies(event -> {
			assertThat(event.type()).isEqualTo(RoutingKeys.ORDER_CANCELLED);
			OrderCancelled cancelled = (OrderCancelled) event.payload();
			assertThat(cancelled.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
			assertThat(cancelled.lines()).singleElement().satisfies(line -> {
				assertThat(line.sku()).isEqualTo("PIZZA-MARGHERITA");
				assertThat(line.quantity()).isEqualTo(2);
			});
		});
	}

	@Test
	void cancelsAPaidOrder() {
		UUID orderId = placedOrder();
		setStatus(orderId, "PAID");

		assertThat(cancel(orderId).status()).isEqualTo(200);
	}

	@Test
	void answersARepeatedCancellationTheSameWayWithoutAnnouncingItTwice() {
		UUID orderId = placedOrder();
		Response first = cancel(orderId);

		Response second = cancel(orderId);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(second.json().get("updatedAt").asString()).isEqualTo(first.json().get("updatedAt").asString());
		assertThat(outboxEvents(orderId)).filteredOn(event -> event.type().equals(RoutingKeys.ORDER_CANCELLED))
			.hasSize(1);
	}

	@Test
	void refusesToCancelOnceTheKitchenAccepted() {
		UUID orderId = placedOrder();
		setStatus(orderId, "PREPARING");

		Response response = cancel(orderId);

		assertProblem(response, 409, "order-not-cancellable");
		assertThat(response.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(outboxEvents(orderId)).hasSize(1);
	}

	@Test
	void refusesToCancelARejectedOrder() {
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");
		UUID orderId = UUID.fromString(placeOrder(ORDER).json().get("orderId").asString());

		assertProblem(cancel(orderId), 409, "order-not-cancellable");
	}

	@Test
	void answersAnUnknownOrderWith404() {
		assertProblem(cancel(UUID.randomUUID()), 404, "order-not-found");
	}

	private UUID placedOrder() {
		inventory.reserves();
		return orderId(placeOrder(ORDER));
	}

	private Response cancel(UUID orderId) {
		return http().postJson("/orders/" + orderId + "/cancel", "");
	}

	// Here the database stands in for the saga's facts that would move the order on (the saga tests
	// publish the real ones).
	private void setStatus(UUID orderId, String status) {
		jdbc.update("update customer_order set status = ? where id = ?", status, orderId);
	}
}
