package com.example.food.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment aggregate: the transitions it allows and the events each one registers. */
class PaymentTests {

	private static final UUID ORDER_ID = UUID.randomUUID();

	private static final OrderLine PIZZAS = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50"));

	private static final OrderPlaced ORDER = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19"),
			new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa");

	@Test
	void isChargedWhenApprovedAndAnnouncesTheOrdersDetails() {
		Payment payment = Payment.attempt(ORDER_ID, ORDER, new GatewayDecision.Approved());

		assertThat(payment.status()).isEqualTo(PaymentStatus.CHARGED);
		assertThat(payment.amount()).isEqualTo(new BigDecimal("19.00"));
		assertThat(payment.takeEvents()).containsExactly(new PaymentCompleted(payment.id(), new BigDecimal("19.00"), "c-42",
				ORDER.lines(), ORDER.deliveryAddress()));
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void isDeclinedWithTheGatewaysReason() {
		Payment payment = Payment.attempt(ORDER_ID, ORDER, new GatewayDecision.Declined("card declined"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.reason()).isEqualTo("card declined");
		assertThat(payment.takeEvents()).containsExactly(new PaymentFailed("card declined"));
	}

	@Test
	void refundsACharge() {
		Payment payment = Payment.attempt(ORDER_ID, ORDER, new GatewayDecision.Approved());
		payment.takeEvents();

		payment.refund(CancellationReason.CUSTOMER_REQUEST);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.refundedAt()).isNotNull();
		assertThat(payment.takeEvents()).containsExactly(new PaymentRefunded(payment.id(), new BigDecimal("19.00")));
	}

	@Test
	void refusesToRefundTwice() {
		Payment payment = Payment.attempt(ORDER_ID, ORDER, new GatewayDecision.Approved());
		payment.refund(CancellationReason.CUSTOMER_REQUEST);
		payment.takeEvents();

		assertThatThrownBy(() -> payment.refund(CancellationReason.CUSTOMER_REQUEST))
			.isInstanceOf(PaymentNotRefundable.class);
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void refusesToRefundWhatWasNeverCharged() {
		Payment declined = Payment.attempt(ORDER_ID, ORDER, new GatewayDecision.Declined("card declined"));
		Payment tombstone = Payment.cancelledBeforeCharge(ORDER_ID, CancellationReason.CUSTOMER_REQUEST);

		assertThatThrownBy(() -> declined.refund(CancellationReason.PAYMENT_DECLINED)).isInstanceOf(PaymentNotRefundable.class);
		assertThatThrownBy(() -> tombstone.refund(CancellationReason.CUSTOMER_REQUEST))
			.isInstanceOf(PaymentNotRefundable.class);
	}

	@Test
	void keepsATombstoneWithoutAmountOrEvent() {
		Payment tombstone = Payment.cancelledBeforeCharge(ORDER_ID, CancellationReason.INVENTORY_UNAVAILABLE);

		assertThat(tombstone.status()).isEqualTo(PaymentStatus.CANCELLED_BEFORE_CHARGE);
		assertThat(tombstone.amount()).isNull();
		assertThat(tombstone.reason()).contains("INVENTORY_UNAVAILABLE");
		assertThat(tombstone.takeEvents()).isEmpty();
	}

	@Test
	void refusesATotalWithFractionsOfACentAsAnInvalidEvent() {
		OrderPlaced odd = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19.005"), ORDER.deliveryAddress(),
				"tok_visa");

		assertThatThrownBy(() -> Payment.attempt(ORDER_ID, odd, new GatewayDecision.Approved()))
			.isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("fractions of a cent");
	}
}
