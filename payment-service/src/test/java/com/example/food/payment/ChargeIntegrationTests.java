package com.example.food.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.RoutingKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order.placed: the charge, each way the simulated gateway can answer, and the charge delivered twice. */
class ChargeIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void chargesAnApprovedOrderAndAnnouncesItWithEverythingTheKitchenNeeds() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");

		bus.publish(placed);

		EventEnvelope completed = bus.awaitEnvelope(PaymentCompleted.class, orderId);
		PaymentCompleted payment = (PaymentCompleted) completed.payload();
		OrderPlaced order = (OrderPlaced) placed.payload();
		assertThat(completed.causationId()).isEqualTo(placed.eventId());
		assertThat(payment.amount()).isEqualByComparingTo("19.00");
		assertThat(payment.customerId()).isEqualTo(order.customerId());
		assertThat(payment.lines()).isEqualTo(order.lines());
		assertThat(payment.deliveryAddress()).isEqualTo(order.deliveryAddress());
		assertThat(jdbc.queryForMap("select id, status, amount, reason from payment where order_id = ?", orderId))
			.containsEntry("id", payment.paymentId())
			.containsEntry("status", "CHARGED")
			.containsEntry("amount", new BigDecimal("19.00"))
			.containsEntry("reason", null);
		assertThat(bus.events(PaymentFailed.class, orderId)).isEmpty();
	}

	@Test
	void chargesAnyOtherTokenThatLooksLikeOne() {
		UUID orderId = UUID.randomUUID();

		bus.publish(placed(orderId, "tok_mastercard_4444"));

		bus.await(PaymentCompleted.class, orderId);
		assertThat(paymentStatus(orderId)).isEqualTo("CHARGED");
	}

	@Test
	void declinesTheDeclinedTokenAndChargesNothing() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_declined");

		publishAndAwaitHandled(placed);

		assertThat(bus.await(PaymentFailed.class, orderId).reason()).isEqualTo("card declined");
		assertThat(bus.awaitEnvelope(PaymentFailed.class, orderId).causationId()).isEqualTo(placed.eventId());
		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
	}

	@Test
	void declinesForInsufficientFunds() {
		UUID orderId = UUID.randomUUID();

		bus.publish(placed(orderId, "tok_insufficient_funds"));

		assertThat(bus.await(PaymentFailed.class, orderId).reason()).isEqualTo("insufficient funds");
		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
	}

	@Test
	void declinesAnAmountOverTheCreditLimitWhateverTheToken() {
		UUID orderId = UUID.randomUUID();
		// 22 x 9.50 = 209.00, over the default limit of 200.00
		EventEnvelope placed = EventEnvelope.of(orderPlaced("tok_visa", 22), orderId);

		publishAndAwaitHandled(placed);

		assertThat(bus.await(PaymentFailed.class, orderId).reason()).isEqualTo("over the credit limit");
		assertThat(jdbc.queryForMap("select status, amount, reason from payment where order_id = ?", orderId))
			.containsEntry("status", "DECLINED")
			.containsEntry("amount", new BigDecimal("209.00"))
			.containsEntry("reason", "over the credit limit");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
	}

	@Test
	void chargesAnOrderPlacedTwiceOnlyOnce() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");
		// The same message redelivered, and the same fact sent again as a new event (a producer's retry).
		EventEnvelope resent = EventEnvelope.of(placed.payload(), orderId);

		bus.publish(placed);
		bus.publish(placed);
		publishAndAwaitHandled(resent);

		bus.await(PaymentCompleted.class, orderId);
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentCompleted.class, orderId).size() == 1);
		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isEqualTo(1);
	}

	@Test
	void declinesAnOrderPlacedTwiceOnlyOnce() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_declined");

		publishAndAwaitHandled(placed);
		publishAndAwaitHandled(EventEnvelope.of(placed.payload(), orderId));

		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_FAILED)).isEqualTo(1);
	}
}
