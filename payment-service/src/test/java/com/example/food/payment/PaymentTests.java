package com.example.food.payment;

import java.math.BigDecimal;
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

/** The payment aggregate: the intents each fact records, and what each gateway answer makes of them. */
class PaymentTests {

	private static final UUID ORDER_ID = UUID.randomUUID();

	private static final OrderLine PIZZAS = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50"));

	private static final OrderPlaced ORDER = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19"),
			new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa");

	private static final EventEnvelope PLACED = EventEnvelope.of(ORDER, ORDER_ID);

	private static final GatewayDecision APPROVED = new GatewayDecision.Approved();

	private final UUID accepted = UUID.randomUUID();

	private final UUID cancelled = UUID.randomUUID();

	@Test
	void isAuthorizingWithTheIntentToHoldTheTotalAndAnnouncesNothingYet() {
		Payment payment = Payment.authorizing(ORDER, PLACED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZING);
		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.AUTHORIZE);
		assertThat(payment.pendingRequest()).isEqualTo(new GatewayRequest(GatewayOperation.AUTHORIZE, ORDER_ID,
				new BigDecimal("19.00"), "tok_visa"));
		assertThat(payment.pendingRequest().idempotencyKey()).isEqualTo(ORDER_ID + ":authorize");
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void holdsTheTotalWhenApprovedAndAnnouncesTheOrdersDetails() {
		Payment payment = Payment.authorizing(ORDER, PLACED);

		assertThat(payment.record(GatewayOperation.AUTHORIZE, APPROVED)).isTrue();

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.authorizedAt()).isNotNull();
		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.takeEvents()).singleElement().satisfies(event -> {
			assertThat(event.causationId()).isEqualTo(PLACED.eventId());
			assertThat(event.payload()).isEqualTo(new PaymentCompleted(payment.id(), new BigDecimal("19.00"), "c-42",
					ORDER.lines(), ORDER.deliveryAddress()));
		});
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void isDeclinedWithTheGatewaysReason() {
		Payment payment = Payment.authorizing(ORDER, PLACED);

		payment.record(GatewayOperation.AUTHORIZE, new GatewayDecision.Declined("card declined"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.reason()).isEqualTo("card declined");
		assertThat(payment.takeEvents()).extracting(EventEnvelope::payload).containsExactly(new PaymentFailed("card declined"));
	}

	@Test
	void recordsAnAnswerOnlyWhileItsOperationIsPending() {
		Payment payment = Payment.authorizing(ORDER, PLACED);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED);
		payment.takeEvents();

		assertThat(payment.record(GatewayOperation.AUTHORIZE, APPROVED)).isFalse();
		assertThat(payment.record(GatewayOperation.CAPTURE, APPROVED)).isFalse();

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.takeEvents()).isEmpty();
	}

	@Test
	void capturesAHoldOnce() {
		Payment payment = authorized();

		assertThat(payment.requestCapture(accepted)).isEqualTo(new Reaction.Requested(GatewayOperation.CAPTURE));
		assertThat(payment.requestCapture(UUID.randomUUID())).isInstanceOf(Reaction.Ignored.class);
		payment.record(GatewayOperation.CAPTURE, APPROVED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.takeEvents()).singleElement().satisfies(event -> {
			assertThat(event.causationId()).isEqualTo(accepted);
			assertThat(event.payload()).isEqualTo(new PaymentCaptured(payment.id(), new BigDecimal("19.00")));
		});
		assertThat(payment.requestCapture(UUID.randomUUID())).isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void voidsAHoldWhenTheOrderIsCancelledBeforeTheCapture() {
		Payment payment = authorized();

		assertThat(payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled))
			.isEqualTo(new Reaction.Requested(GatewayOperation.VOID));
		payment.record(GatewayOperation.VOID, APPROVED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.reason()).isEqualTo("order cancelled (CUSTOMER_REQUEST)");
		assertThat(payment.takeEvents()).extracting(EventEnvelope::payload)
			.containsExactly(new PaymentVoided(payment.id(), new BigDecimal("19.00")));
	}

	@Test
	void neverCapturesAVoidedHold() {
		Payment payment = authorized();
		payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled);

		assertThat(payment.requestCapture(accepted)).isInstanceOf(Reaction.Ignored.class);
		payment.record(GatewayOperation.VOID, APPROVED);
		assertThat(payment.requestCapture(accepted)).isInstanceOf(Reaction.Ignored.class);

		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.capturedAt()).isNull();
	}

	@Test
	void refundsACaptureWhateverTheReasonNoCourierIncluded() {
		Payment payment = captured();

		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, cancelled))
			.isEqualTo(new Reaction.Requested(GatewayOperation.REFUND));
		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, UUID.randomUUID()))
			.isInstanceOf(Reaction.Ignored.class);
		payment.record(GatewayOperation.REFUND, APPROVED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.refundedAt()).isNotNull();
		assertThat(payment.takeEvents()).extracting(EventEnvelope::payload)
			.containsExactly(new PaymentRefunded(payment.id(), new BigDecimal("19.00")));
		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, UUID.randomUUID()))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void remembersACancellationWhileTheAuthorisationIsPendingAndVoidsTheHoldWithoutAnnouncingIt() {
		Payment payment = Payment.authorizing(ORDER, PLACED);

		assertThat(payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.AUTHORIZE));
		payment.record(GatewayOperation.AUTHORIZE, APPROVED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.VOID);
		assertThat(payment.followUp()).isNull();
		assertThat(payment.takeEvents()).isEmpty();
		payment.record(GatewayOperation.VOID, APPROVED);
		assertThat(payment.takeEvents()).singleElement().satisfies(event -> {
			assertThat(event.causationId()).isEqualTo(cancelled);
			assertThat(event.payload()).isInstanceOf(PaymentVoided.class);
		});
	}

	@Test
	void remembersACaptureWhileTheAuthorisationIsPendingAndCapturesOnceHeld() {
		Payment payment = Payment.authorizing(ORDER, PLACED);

		assertThat(payment.requestCapture(accepted))
			.isEqualTo(new Reaction.Remembered(FollowUp.CAPTURE, GatewayOperation.AUTHORIZE));
		payment.record(GatewayOperation.AUTHORIZE, APPROVED);

		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.CAPTURE);
		assertThat(payment.pendingRequest().idempotencyKey()).isEqualTo(ORDER_ID + ":capture");
		assertThat(payment.takeEvents()).extracting(EventEnvelope::payload).hasOnlyElementsOfType(PaymentCompleted.class);
	}

	@Test
	void letsACancellationWinOverARememberedCapture() {
		Payment payment = Payment.authorizing(ORDER, PLACED);
		payment.requestCapture(accepted);

		payment.requestCancellation(CancellationReason.NO_COURIER, cancelled);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED);

		assertThat(payment.pendingOperation()).isEqualTo(GatewayOperation.VOID);
	}

	@Test
	void remembersACancellationWhileTheCaptureIsPendingAndRefundsTheCapture() {
		Payment payment = authorized();
		payment.requestCapture(accepted);

		assertThat(payment.requestCancellation(CancellationReason.NO_COURIER, cancelled))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.CAPTURE));
		payment.record(GatewayOperation.CAPTURE, APPROVED);
		payment.record(GatewayOperation.REFUND, APPROVED);

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.takeEvents()).extracting(EventEnvelope::payload)
			.hasExactlyElementsOfTypes(PaymentCaptured.class, PaymentRefunded.class);
	}

	@Test
	void dropsWhatWasRememberedWhenTheAuthorisationIsDeclined() {
		Payment payment = Payment.authorizing(ORDER, PLACED);
		payment.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled);

		payment.record(GatewayOperation.AUTHORIZE, new GatewayDecision.Declined("card declined"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.pendingOperation()).isNull();
		assertThat(payment.followUp()).isNull();
	}

	@Test
	void keepsATombstoneThatHoldsNothingAndIgnoresEveryRequest() {
		Payment tombstone = Payment.cancelledBeforePayment(ORDER_ID, CancellationReason.INVENTORY_UNAVAILABLE);

		assertThat(tombstone.status()).isEqualTo(PaymentStatus.CANCELLED_BEFORE_PAYMENT);
		assertThat(tombstone.amount()).isNull();
		assertThat(tombstone.reason()).contains("INVENTORY_UNAVAILABLE");
		assertThat(tombstone.requestCapture(accepted)).isInstanceOf(Reaction.Ignored.class);
		assertThat(tombstone.requestCancellation(CancellationReason.CUSTOMER_REQUEST, cancelled))
			.isInstanceOf(Reaction.Ignored.class);
		assertThat(tombstone.takeEvents()).isEmpty();
	}

	@Test
	void refusesATotalWithFractionsOfACentAsAnInvalidEvent() {
		OrderPlaced odd = new OrderPlaced("c-42", List.of(PIZZAS), new BigDecimal("19.005"), ORDER.deliveryAddress(),
				"tok_visa");

		assertThatThrownBy(() -> Payment.authorizing(odd, EventEnvelope.of(odd, ORDER_ID)))
			.isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("fractions of a cent");
	}

	private static Payment authorized() {
		Payment payment = Payment.authorizing(ORDER, PLACED);
		payment.record(GatewayOperation.AUTHORIZE, APPROVED);
		payment.takeEvents();
		return payment;
	}

	private Payment captured() {
		Payment payment = authorized();
		payment.requestCapture(accepted);
		payment.record(GatewayOperation.CAPTURE, APPROVED);
		payment.takeEvents();
		return payment;
	}
}
