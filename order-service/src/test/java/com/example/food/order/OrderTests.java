package com.example.food.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTests {

	private static final Instant NOW = Instant.parse("2025-11-23T18:00:00Z");

	private static final PlaceOrder REQUEST = new PlaceOrder("c-42",
			List.of(new PlaceOrder.Line("PIZZA-MARGHERITA", 2), new PlaceOrder.Line("TIRAMISU", 1)),
			new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa");

	private static final List<OrderLine> PRICED = List.of(
			OrderLine.priced("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50")),
			OrderLine.priced("TIRAMISU", "Tiramisu", 1, new BigDecimal("5.00")));

	@Test
	void placesAPricedOrderAwaitingPaymentAndAsksForPayment() {
		Order order = Order.place(UUID.randomUUID(), REQUEST, PRICED, NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
		assertThat(order.total()).isEqualByComparingTo("24.00");
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
			assertThat(placed.total()).isEqualByComparingTo("24.00");
			assertThat(placed.lines()).hasSize(2);
			assertThat(placed.paymentToken()).isEqualTo("tok_visa");
		});
		assertThat(order.takeEvents()).as("handed over once").isEmpty();
	}

	@Test
	void refusesToPlaceAnOrderWithoutPrices() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> Order.place(UUID.randomUUID(), REQUEST, List.of(OrderLine.unpriced("PIZZA-MARGHERITA", 2)), NOW));
	}

	@Test
	void rejectsForWantOfStockWithoutAnEvent() {
		Order order = Order.reject(UUID.randomUUID(), REQUEST, List.of("TIRAMISU"), NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason()).isEqualTo(Order.STOCK_INSUFFICIENT);
		assertThat(order.reasonDetail()).contains("TIRAMISU");
		assertThat(order.total()).isNull();
		assertThat(order.lines()).extracting(OrderLine::unitPrice).containsOnlyNulls();
		assertThat(order.takeEvents()).isEmpty();
	}

	@Test
	void announcesACancellationForUnavailableInventorySoThatAnyReservationIsReleased() {
		Order order = Order.cancelForUnavailableInventory(UUID.randomUUID(), REQUEST, "read timed out", NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo("INVENTORY_UNAVAILABLE");
		assertThat(order.takeEvents()).singleElement()
			.isEqualTo(new OrderCancelled(CancellationReason.INVENTORY_UNAVAILABLE, "read timed out", List.of()));
	}

	@Test
	void asksTheKitchenToCancelAndWaitsInCancellingWithoutCompensatingYet() {
		Order order = placed();
		order.markPaid(NOW);

		order.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
		assertThat(order.progress()).isEqualTo(OrderStatus.PAID);
		assertThat(order.reason()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(order.takeEvents()).as("a request, no order.cancelled yet")
			.containsExactly(new OrderCancellationRequested(CancellationReason.CUSTOMER_REQUEST, "changed my mind"));
	}

	@Test
	void endsCancelledWithTheLinesOnlyWhenTheKitchenGrantsTheRequest() {
		Order order = placed();
		order.requestCancellation(CancellationReason.DEADLINE_EXCEEDED, "no payment within PT2M", NOW);
		order.takeEvents();

		order.cancellationGranted(NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo("DEADLINE_EXCEEDED");
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, cancelled -> {
			assertThat(cancelled.reason()).isEqualTo(CancellationReason.DEADLINE_EXCEEDED);
			assertThat(cancelled.lines()).hasSize(2);
		});
	}

	@Test
	void keepsCountingTheFactsWhileCancellingAndReturnsToThemWhenRefused() {
		Order order = placed();
		order.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW);
		order.takeEvents();

		order.markPaid(NOW);
		order.markPreparing(NOW);
		order.markReadyForDelivery(NOW);

		assertThat(order.status()).as("the semantic lock holds").isEqualTo(OrderStatus.CANCELLING);
		assertThat(order.canAdvanceTo(OrderStatus.PREPARING)).isFalse();
		order.cancellationRefused(NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.READY_FOR_DELIVERY);
		assertThat(order.reason()).isNull();
		assertThat(order.takeEvents()).as("nothing to compensate").isEmpty();
	}

	@Test
	void endsACancellingOrderAtOnceForAFactThatEndsIt() {
		Order order = placed();
		order.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW);
		order.takeEvents();

		order.cancel(CancellationReason.PAYMENT_DECLINED, "card declined", NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo("PAYMENT_DECLINED");
		assertThat(order.isCancelling()).isFalse();
		assertThatIllegalStateException().as("the kitchen's late answer finds nothing pending")
			.isThrownBy(() -> order.cancellationGranted(NOW));
	}

	@Test
	void ignoresARepeatedRequest() {
		Order order = placed();
		order.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW);
		order.takeEvents();

		order.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW);
		order.requestCancellation(CancellationReason.DEADLINE_EXCEEDED, "no payment", NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
		assertThat(order.reason()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(order.takeEvents()).isEmpty();
	}

	@Test
	void refusesARequestForARejectedOrderOrAPreparedMeal() {
		Order rejected = Order.reject(UUID.randomUUID(), REQUEST, List.of("TIRAMISU"), NOW);
		Order prepared = placed();
		prepared.markReadyForDelivery(NOW);

		assertThatExceptionOfType(OrderNotCancellable.class).isThrownBy(
				() -> rejected.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW));
		assertThatExceptionOfType(OrderNotCancellable.class).isThrownBy(
				() -> prepared.requestCancellation(CancellationReason.CUSTOMER_REQUEST, "changed my mind", NOW));
		assertThat(prepared.status()).isEqualTo(OrderStatus.READY_FOR_DELIVERY);
	}

	@Test
	void letsTheCustomerAskWhileTheKitchenCooksSinceOnlyTheKitchenKnowsIfItIsTooLate() {
		Order order = placed();
		order.markPreparing(NOW);

		assertThat(order.canRequestCancellation()).isTrue();
		assertThat(order.canCancel(CancellationReason.CUSTOMER_REQUEST)).as("never a fact").isFalse();
	}

	@Test
	void movesAlongTheHappyPathOneStepAtATime() {
		Order order = placed();

		order.markPaid(NOW);
		order.markPreparing(NOW);
		order.markReadyForDelivery(NOW);
		order.markOutForDelivery(NOW);
		order.markDelivered(NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(order.takeEvents()).as("the other services' facts cause no event of the order's").isEmpty();
	}

	@Test
	void marksPaidOnlyWhileAwaitingPayment() {
		Order order = placed();
		order.markPaid(NOW);

		assertThat(order.canAdvanceTo(OrderStatus.PAID)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> order.markPaid(NOW));
	}

	@Test
	void acceptsALaterStateWhoseFactArrivedEarlyButNeverGoesBack() {
		Order order = placed();

		order.markPreparing(NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.PREPARING);
		assertThat(order.canAdvanceTo(OrderStatus.PAID)).isFalse();
		assertThat(order.canAdvanceTo(OrderStatus.DELIVERED)).isTrue();
	}

	@Test
	void movesAFinishedOrderNoFurther() {
		Order cancelled = placed();
		cancelled.cancel(CancellationReason.PAYMENT_DECLINED, null, NOW);
		Order rejected = Order.reject(UUID.randomUUID(), REQUEST, List.of("TIRAMISU"), NOW);

		assertThat(cancelled.canAdvanceTo(OrderStatus.PAID)).isFalse();
		assertThat(rejected.canAdvanceTo(OrderStatus.PAID)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> cancelled.markPaid(NOW));
	}

	@Test
	void givesEachCancellationReasonItsOwnPointOfNoReturn() {
		Order paid = placed();
		paid.markPaid(NOW);
		Order ready = placed();
		ready.markReadyForDelivery(NOW);
		Order riding = placed();
		riding.markOutForDelivery(NOW);

		assertThat(placed().canCancel(CancellationReason.PAYMENT_DECLINED)).isTrue();
		assertThat(paid.canCancel(CancellationReason.PAYMENT_DECLINED)).isFalse();
		assertThat(paid.canCancel(CancellationReason.KITCHEN_REJECTED)).isTrue();
		assertThat(ready.canCancel(CancellationReason.KITCHEN_REJECTED)).isFalse();
		assertThat(ready.canCancel(CancellationReason.NO_COURIER)).isTrue();
		assertThat(riding.canCancel(CancellationReason.NO_COURIER)).isFalse();
		assertThat(placed().canCancel(CancellationReason.INVENTORY_UNAVAILABLE)).isFalse();
	}

	@Test
	void cancelsForWantOfACourierAfterTheMealIsReadyWithTheLines() {
		Order order = placed();
		order.markReadyForDelivery(NOW);

		order.cancel(CancellationReason.NO_COURIER, "no courier available", NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, cancelled -> {
			assertThat(cancelled.reason()).isEqualTo(CancellationReason.NO_COURIER);
			assertThat(cancelled.lines()).hasSize(2);
		});
	}

	@Test
	void mergesLinesOfTheSameSku() {
		PlaceOrder request = new PlaceOrder("c-42",
				List.of(new PlaceOrder.Line("A", 1), new PlaceOrder.Line("B", 1), new PlaceOrder.Line("A", 2)),
				REQUEST.deliveryAddress(), "tok_visa");

		assertThat(request.lines()).containsExactly(new PlaceOrder.Line("A", 3), new PlaceOrder.Line("B", 1));
	}

	private static Order placed() {
		Order order = Order.place(UUID.randomUUID(), REQUEST, PRICED, NOW);
		order.takeEvents();
		return order;
	}

}
