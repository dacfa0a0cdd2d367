package com.example.food.order;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTests {

	@Test
	void advancesOnlyForwardsAndMaySkipSteps() {
		OrderLifecycle paid = OrderLifecycle.at(OrderStatus.PAID);

		assertThat(paid.canAdvanceTo(OrderStatus.READY_FOR_DELIVERY)).as("an early fact").isTrue();
		assertThat(paid.canAdvanceTo(OrderStatus.PAID)).as("a duplicate").isFalse();
		assertThat(paid.canAdvanceTo(OrderStatus.AWAITING_PAYMENT)).as("a late fact").isFalse();
		assertThat(paid.advancedTo(OrderStatus.PREPARING)).isEqualTo(OrderLifecycle.at(OrderStatus.PREPARING));
	}

	@Test
	void neverAdvancesAnOrderThatHasEnded() {
		assertThat(OrderLifecycle.at(OrderStatus.DELIVERED).canAdvanceTo(OrderStatus.DELIVERED)).isFalse();
		assertThat(OrderLifecycle.ended(OrderStatus.REJECTED, Order.STOCK_INSUFFICIENT, "none left")
			.canAdvanceTo(OrderStatus.PAID)).isFalse();
		assertThat(OrderLifecycle.at(OrderStatus.PAID)
			.cancelled(CancellationReason.KITCHEN_REJECTED, null)
			.canAdvanceTo(OrderStatus.PREPARING)).isFalse();
	}

	@Test
	void waitsInCancellingAndRemembersWhereTheFactsPutTheOrder() {
		OrderLifecycle cancelling = OrderLifecycle.at(OrderStatus.PAID)
			.cancellationRequested(CancellationReason.CUSTOMER_REQUEST, "changed my mind");

		OrderLifecycle advanced = cancelling.advancedTo(OrderStatus.PREPARING);

		assertThat(advanced.status()).isEqualTo(OrderStatus.CANCELLING);
		assertThat(advanced.progress()).isEqualTo(OrderStatus.PREPARING);
		assertThat(advanced.reason()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(advanced.canAdvanceTo(OrderStatus.PREPARING)).as("a duplicate").isFalse();
		assertThat(advanced.canRequestCancellation()).as("one request at a time").isFalse();
	}

	@Test
	void endsCancelledForTheRequestedReasonWhenGranted() {
		OrderLifecycle granted = OrderLifecycle.at(OrderStatus.AWAITING_PAYMENT)
			.cancellationRequested(CancellationReason.DEADLINE_EXCEEDED, "no payment within 5m")
			.cancellationGranted();

		assertThat(granted)
			.isEqualTo(OrderLifecycle.ended(OrderStatus.CANCELLED, "DEADLINE_EXCEEDED", "no payment within 5m"));
	}

	@Test
	void returnsToWhereTheFactsPutItWhenRefused() {
		OrderLifecycle refused = OrderLifecycle.at(OrderStatus.PREPARING)
			.cancellationRequested(CancellationReason.CUSTOMER_REQUEST, "changed my mind")
			.advancedTo(OrderStatus.READY_FOR_DELIVERY)
			.cancellationRefused();

		assertThat(refused).isEqualTo(OrderLifecycle.at(OrderStatus.READY_FOR_DELIVERY));
	}

	@Test
	void allowsARequestOnlyUntilTheMealIsKnownToBePrepared() {
		assertThat(OrderLifecycle.at(OrderStatus.AWAITING_PAYMENT).canRequestCancellation()).isTrue();
		assertThat(OrderLifecycle.at(OrderStatus.PREPARING).canRequestCancellation()).isTrue();
		assertThat(OrderLifecycle.at(OrderStatus.READY_FOR_DELIVERY).canRequestCancellation()).isFalse();
		assertThat(OrderLifecycle.at(OrderStatus.DELIVERED).canRequestCancellation()).isFalse();
		assertThat(OrderLifecycle.ended(OrderStatus.REJECTED, Order.STOCK_INSUFFICIENT, "none left")
			.canRequestCancellation()).isFalse();
	}

	@Test
	void letsAFailureFactEndTheOrderOnlyUntilItsServiceHasMovedOn() {
		assertThat(OrderLifecycle.at(OrderStatus.AWAITING_PAYMENT).canCancel(CancellationReason.PAYMENT_DECLINED))
			.isTrue();
		assertThat(OrderLifecycle.at(OrderStatus.PAID).canCancel(CancellationReason.PAYMENT_DECLINED)).isFalse();
		assertThat(OrderLifecycle.at(OrderStatus.PAID).canCancel(CancellationReason.KITCHEN_REJECTED)).isTrue();
		assertThat(OrderLifecycle.at(OrderStatus.PREPARING).canCancel(CancellationReason.KITCHEN_REJECTED)).isFalse();
		assertThat(OrderLifecycle.at(OrderStatus.READY_FOR_DELIVERY).canCancel(CancellationReason.NO_COURIER)).isTrue();
		assertThat(OrderLifecycle.at(OrderStatus.OUT_FOR_DELIVERY).canCancel(CancellationReason.NO_COURIER)).isFalse();
		assertThat(OrderLifecycle.at(OrderStatus.PAID).canCancel(CancellationReason.CUSTOMER_REQUEST))
			.as("a request, never a fact")
			.isFalse();
	}

	@Test
	void judgesAFailureFactWhileCancellingByWhereTheFactsPutTheOrder() {
		OrderLifecycle cancelling = OrderLifecycle.at(OrderStatus.AWAITING_PAYMENT)
			.cancellationRequested(CancellationReason.CUSTOMER_REQUEST, "changed my mind");

		assertThat(cancelling.canCancel(CancellationReason.PAYMENT_DECLINED)).isTrue();
		assertThat(cancelling.advancedTo(OrderStatus.PAID).canCancel(CancellationReason.PAYMENT_DECLINED)).isFalse();
	}

	@Test
	void keepsTheDetailWithinItsColumn() {
		OrderLifecycle cancelled = OrderLifecycle.at(OrderStatus.PAID)
			.cancelled(CancellationReason.KITCHEN_REJECTED, "x".repeat(600));

		assertThat(cancelled.reasonDetail()).hasSize(500).endsWith("…");
		assertThat(
				OrderLifecycle.at(OrderStatus.PAID).cancelled(CancellationReason.KITCHEN_REJECTED, null).reasonDetail())
			.isNull();
	}

}
