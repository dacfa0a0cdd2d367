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

/**
 * order.placed: the hold (authorisation), each way the simulated gateway can answer, and
 * the order placed twice. Nothing is taken yet: that waits for the kitchen
 * (CaptureIntegrationTests).
 */
class AuthorizationIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void holdsAnApprovedOrderAndAnnouncesItWithEverythingTheKitchenNeeds() {
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
		Payment stored = payment(orderId);
		assertThat(stored.id()).isEqualTo(payment.paymentId());
		assertThat(stored.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(stored.amount()).isEqualByComparingTo("19.00");
		assertThat(stored.reason()).isNull();
		assertThat(stored.pendingOperation()).isNull();
		assertThat(stored.times().authorizedAt()).isNotNull();
		assertThat(stored.times().capturedAt()).isNull();
		// The order it held is kept only while the hold is pending: no accessor shows it.
		assertThat(jdbc.queryForObject("select order_placed from payment where order_id = ?", String.class, orderId))
			.isNull();
		assertThat(ledger(orderId)).singleElement()
			.satisfies(entry -> assertThat(entry).containsEntry("idempotency_key", orderId + ":authorize")
				.containsEntry("operation", "AUTHORIZE")
				.containsEntry("amount", new BigDecimal("19.00"))
				.containsEntry("outcome", "APPROVED")
				.containsEntry("decline_reason", null));
		assertThat(bus.events(PaymentFailed.class, orderId)).isEmpty();
	}

	@Test
	void holdsAnyOtherTokenThatLooksLikeOne() {
		UUID orderId = UUID.randomUUID();

		bus.publish(placed(orderId, "tok_mastercard_4444"));

		bus.await(PaymentCompleted.class, orderId);
		assertThat(paymentStatus(orderId)).isEqualTo("AUTHORIZED");
	}

	@Test
	void declinesTheDeclinedTokenAndHoldsNothing() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_declined");

		bus.publish(placed);

		EventEnvelope failed = bus.awaitEnvelope(PaymentFailed.class, orderId);
		assertThat(((PaymentFailed) failed.payload()).reason()).isEqualTo("card declined");
		assertThat(failed.causationId()).isEqualTo(placed.eventId());
		assertThat(paymentStatus(orderId)).isEqualTo("DECLINED");
		assertThat(ledger(orderId)).singleElement()
			.satisfies(entry -> assertThat(entry).containsEntry("outcome", "DECLINED")
				.containsEntry("decline_reason", "card declined"));
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

		bus.publish(placed);

		assertThat(bus.await(PaymentFailed.class, orderId).reason()).isEqualTo("over the credit limit");
		Payment declined = payment(orderId);
		assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(declined.amount()).isEqualByComparingTo("209.00");
		assertThat(declined.reason()).isEqualTo("over the credit limit");
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isZero();
	}

	@Test
	void holdsAnOrderPlacedTwiceOnlyOnce() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_visa");
		// The same message redelivered, and the same fact
		// sent again as a new event (a producer's retry).
		EventEnvelope resent = EventEnvelope.of(placed.payload(), orderId);

		bus.publish(placed);
		bus.publish(placed);
		publishAndAwaitHandled(resent);

		bus.await(PaymentCompleted.class, orderId);
		await().during(QUIET).atMost(PATIENCE).until(() -> bus.events(PaymentCompleted.class, orderId).size() == 1);
		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_COMPLETED)).isEqualTo(1);
		assertThat(ledgerOperations(orderId)).containsExactly("AUTHORIZE");
	}

	@Test
	void declinesAnOrderPlacedTwiceOnlyOnce() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope placed = placed(orderId, "tok_declined");

		publishAndAwaitHandled(placed);
		publishAndAwaitHandled(EventEnvelope.of(placed.payload(), orderId));

		awaitStatus(orderId, "DECLINED");
		assertThat(payments(orderId)).isEqualTo(1);
		assertThat(outboxEvents(orderId, RoutingKeys.PAYMENT_FAILED)).isEqualTo(1);
	}

}
