package com.example.food.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.EventEnvelope;
import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.PaymentVoided;
import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayOperation;
import com.example.food.payment.gateway.GatewayRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment aggregate: the intents each fact records, and what each gateway answer
 * makes of them.
 */
class PaymentTests {

	private static final Instant NOW = Instant.parse("2025-11-23T18:00:00Z");

	private static final UUID ORDER_ID = UUID.randomUUID();

	private static final OrderLine PIZZAS = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2,
			new BigDecimal("9.50"));

	private static final OrderPlaced ORDER = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19"),
			new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa");

	private static final EventEnvelope PLACED = EventEnvelope.of(ORDER, ORDER_ID);

	private static final GatewayDecision APPROVED = new GatewayDecision.Approved();

	private final UUID accepted = UUID.randomUUID();

	private final UUID cancelled = UUID.randomUUID();

	@Test
	void isAuthorizingWithTheIntentToHoldTheTotalAndAnnouncesNothingYet() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZING);
		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.AUTHORIZE);
		assertThat(payment.pendingRequest())
			.isEqualTo(new GatewayRequest(GatewayOperation.AUTHORIZE, ORDER_ID, new BigDecimal("19.00"), "tok_visa"));
		assertThat(payment.pendingRequest().idempotencyKey()).isEqualTo(ORDER_ID + ":authorize");
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void holdsTheTotalWhenApprovedAndAnnouncesTheOrdersDetails() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);
		assertThat(payment.pendingCause()).as("the cause of what its answer announces").isEqualTo(PLACED.eventId());

		assertThat(payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW)).isTrue();

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.times().authorizedAt()).isNotNull();
		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.takeEvents()).containsExactly(new PaymentCompleted(payment.id(), new BigDecimal("19.00"),
				"c-42", ORDER.lines(), ORDER.deliveryAddress()));
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void isDeclinedWithTheGatewaysReason() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);

		payment.record(GatewayOperation.AUTHORIZE, new GatewayDecision.Declined("card declined"), NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.reason()).isEqualTo("card declined");
		assertThat(payment.takeEvents()).containsExactly(new PaymentFailed("card declined"));
	}

	@Test
	void recordsAnAnswerOnlyWhileItsOperationIsPending() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW);
		payment.takeEvents();

		assertThat(payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW)).isFalse();
		assertThat(payment.record(GatewayOperation.CAPTURE, APPROVED, NOW)).isFalse();

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void capturesAHoldOnce() {
		Payment payment = authorized();

		assertThat(payment.requestCapture(accepted, NOW)).isEqualTo(new Reaction.Requested(GatewayOperation.CAPTURE));
		assertThat(payment.requestCapture(UUID.randomUUID(), NOW)).isInstanceOf(Reaction.Ignored.class);
		assertThat(payment.pendingCause()).isEqualTo(accepted);
		payment.record(GatewayOperation.CAPTURE, APPROVED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.takeEvents()).containsExactly(new PaymentCaptured(payment.id(), new BigDecimal("19.00")));
		assertThat(payment.requestCapture(UUID.randomUUID(), NOW)).isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void voidsAHoldWhenTheOrderIsCancelledBeforeTheCapture() {
		Payment payment = authorized();

		assertThat(payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled, NOW))
			.isEqualTo(new Reaction.Requested(GatewayOperation.VOID));
		payment.record(GatewayOperation.VOID, APPROVED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.reason()).isEqualTo("order cancelled (CUSTOMER_REQUEST)");
		assertThat(payment.takeEvents()).containsExactly(new PaymentVoided(payment.id(), new BigDecimal("19.00")));
	}

	@Test
	void neverCapturesAVoidedHold() {
		Payment payment = authorized();
		payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled, NOW);

		assertThat(payment.requestCapture(accepted, NOW)).isInstanceOf(Reaction.Ignored.class);
		payment.record(GatewayOperation.VOID, APPROVED, NOW);
		assertThat(payment.requestCapture(accepted, NOW)).isInstanceOf(Reaction.Ignored.class);

		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.times().capturedAt()).isNull();
	}

	@Test
	void refundsACaptureWhateverTheReasonNoCourierIncluded() {
		Payment payment = captured();

		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, cancelled, NOW))
			.isEqualTo(new Reaction.Requested(GatewayOperation.REFUND));
		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, UUID.randomUUID(), NOW))
			.isInstanceOf(Reaction.Ignored.class);
		payment.record(GatewayOperation.REFUND, APPROVED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.times().refundedAt()).isNotNull();
		assertThat(payment.takeEvents()).containsExactly(new PaymentRefunded(payment.id(), new BigDecimal("19.00")));
		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, UUID.randomUUID(), NOW))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void remembersACancellationWhileTheAuthorisationIsPendingAndVoidsTheHoldWithoutAnnouncingIt() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);

		assertThat(payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled, NOW))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.AUTHORIZE));
		payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.VOID);
		assertThat(payment.followUp()).isNull();
		assertThat(payment.takeEvents()).isEmpty();
		assertThat(payment.pendingCause()).isEqualTo(cancelled);
		payment.record(GatewayOperation.VOID, APPROVED, NOW);
		assertThat(payment.takeEvents()).singleElement().isInstanceOf(PaymentVoided.class);
	}

	@Test
	void remembersACaptureWhileTheAuthorisationIsPendingAndCapturesOnceHeld() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);

		assertThat(payment.requestCapture(accepted, NOW))
			.isEqualTo(new Reaction.Remembered(FollowUp.CAPTURE, GatewayOperation.AUTHORIZE));
		payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW);

		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.CAPTURE);
		assertThat(payment.pendingRequest().idempotencyKey()).isEqualTo(ORDER_ID + ":capture");
		assertThat(payment.takeEvents()).hasOnlyElementsOfType(PaymentCompleted.class);
	}

	@Test
	void letsACancellationWinOverARememberedCapture() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);
		payment.requestCapture(accepted, NOW);

		payment.requestCancellation(CancellationReason.NO_COURIER, cancelled, NOW);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW);

		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.VOID);
	}

	@Test
	void remembersACancellationWhileTheCaptureIsPendingAndRefundsTheCapture() {
		Payment payment = authorized();
		payment.requestCapture(accepted, NOW);

		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, cancelled, NOW))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.CAPTURE));
		payment.record(GatewayOperation.CAPTURE, APPROVED, NOW);
		payment.record(GatewayOperation.REFUND, APPROVED, NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.takeEvents()).hasExactlyElementsOfTypes(PaymentCaptured.class, PaymentRefunded.class);
	}

	@Test
	void dropsWhatWasRememberedWhenTheAuthorisationIsDeclined() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);
		payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled, NOW);

		payment.record(GatewayOperation.AUTHORIZE, new GatewayDecision.Declined("card declined"), NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.followUp()).isNull();
	}

	@Test
	void keepsATombstoneThatHoldsNothingAndIgnoresEveryRequest() {
		Payment tombstone = Payment.cancelledBeforePayment(ORDER_ID, CancellationReason.INVENTORY_UNAVAILABLE, NOW);

		assertThat(tombstone.status()).isEqualTo(PaymentStatus.CANCELLED_BEFORE_PAYMENT);
		assertThat(tombstone.amount()).isNull();
		assertThat(tombstone.reason()).contains("INVENTORY_UNAVAILABLE");
		assertThat(tombstone.requestCapture(accepted, NOW)).isInstanceOf(Reaction.Ignored.class);
		assertThat(tombstone.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled, NOW))
			.isInstanceOf(Reaction.Ignored.class);
		assertThat(tombstone.takeEvents()).isEmpty();
	}

	@Test
	void refusesATotalWithFractionsOfACentAsAnInvalidEvent() {
		OrderPlaced odd = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19.005"), ORDER.deliveryAddress(),
				"tok_visa");

		assertThatThrownBy(() -> Payment.authorizing(odd, EventEnvelope.of(odd, ORDER_ID), NOW))
			.isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("fractions of a cent");
	}

	private static Payment authorized() {
		Payment payment = Payment.authorizing(ORDER, PLACED, NOW);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED, NOW);
		payment.takeEvents();
		return payment;
	}

	private Payment captured() {
		Payment payment = authorized();
		payment.requestCapture(accepted, NOW);
		payment.record(GatewayOperation.CAPTURE, APPROVED, NOW);
		payment.takeEvents();
		return payment;
	}

}
