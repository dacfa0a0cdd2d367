package com.example.food.order.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /orders/{id}/cancel: a request the kitchen answers. It is accepted (202) while the
 * meal is not known to be prepared, and refused at once (409) when the order's own state
 * forbids it.
 */
class CancelOrderIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void acceptsTheRequestAndAsksTheKitchenWithoutCompensatingYet() {
		UUID orderId = placedOrder();

		Response response = cancel(orderId);

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCELLING");
		assertThat(response.json().get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(outboxEvents(orderId)).hasSize(2).last().satisfies(event -> {
			assertThat(event.type()).isEqualTo(RoutingKeys.ORDER_CANCELLATION_REQUESTED);
			OrderCancellationRequested requested = (OrderCancellationRequested) event.payload();
			assertThat(requested.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
		});
	}

	@Test
	void acceptsTheRequestWhileTheKitchenCooksSinceOnlyItKnowsWhetherItIsTooLate() {
		UUID orderId = placedOrder();
		setStatus(orderId, "PREPARING");

		assertThat(cancel(orderId).status()).isEqualTo(202);
	}

	@Test
	void answersARepeatedRequestTheSameWayWithoutAskingTwice() {
		UUID orderId = placedOrder();
		Response first = cancel(orderId);

		Response second = cancel(orderId);

		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("status").asString()).isEqualTo("CANCELLING");
		assertThat(second.json().get("updatedAt").asString()).isEqualTo(first.json().get("updatedAt").asString());
		assertThat(outboxEvents(orderId))
			.filteredOn(event -> event.type().equals(RoutingKeys.ORDER_CANCELLATION_REQUESTED))
			.hasSize(1);
	}

	@Test
	void refusesARequestOnceTheMealIsKnownToBePrepared() {
		UUID orderId = placedOrder();
		setStatus(orderId, "READY_FOR_DELIVERY");

		Response response = cancel(orderId);

		assertProblem(response, 409, "order-not-cancellable");
		assertThat(response.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(response.json().get("orderStatus").asString()).isEqualTo("READY_FOR_DELIVERY");
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

	// Here the database stands in for the saga's facts that would
	// move the order on (the saga tests publish the real ones).
	private void setStatus(UUID orderId, String status) {
		jdbc.update("update customer_order set status = ? where id = ?", status, orderId);
	}

}
