package com.example.food.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.example.food.infrastructure.domain.IllegalTransition;
import com.example.food.payment.gateway.GatewayOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What ticket.accepted and order.cancelled ask of a payment, by its status and its
 * pending operation: the table in docs/payments.md.
 */
class ReactionTests {

	private static final UUID PAYMENT_ID = UUID.randomUUID();

	@Test
	void capturesAnAuthorizedHold() {
		assertThat(Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZED, null, null))
			.isEqualTo(new Reaction.Requested(GatewayOperation.CAPTURE));
	}

	@ParameterizedTest
	@EnumSource(names = { "CAPTURED", "REFUNDED", "VOIDED", "DECLINED", "CANCELLED_BEFORE_PAYMENT" })
	void capturesNothingThatIsNotHeld(PaymentStatus status) {
		assertThat(Reaction.toCapture(PAYMENT_ID, status, null, null)).isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void remembersACaptureWhileTheAuthorisationIsPendingOnce() {
		assertThat(Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZING, GatewayOperation.AUTHORIZE, null))
			.isEqualTo(new Reaction.Remembered(FollowUp.CAPTURE, GatewayOperation.AUTHORIZE));
		assertThat(
				Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZING, GatewayOperation.AUTHORIZE, FollowUp.CAPTURE))
			.isEqualTo(new Reaction.Ignored("its capture is already remembered"));
	}

	@Test
	void neverCapturesAHoldWhoseOrderWasCancelled() {
		assertThat(
				Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZING, GatewayOperation.AUTHORIZE, FollowUp.CANCEL))
			.isInstanceOf(Reaction.Ignored.class);
		assertThat(Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZED, GatewayOperation.VOID, null))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void ignoresACaptureWhileTheCaptureOrTheRefundIsPending() {
		assertThat(Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZED, GatewayOperation.CAPTURE, null))
			.isInstanceOf(Reaction.Ignored.class);
		assertThat(Reaction.toCapture(PAYMENT_ID, PaymentStatus.CAPTURED, GatewayOperation.REFUND, null))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void voidsAHoldAndRefundsACapture() {
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZED, null, null))
			.isEqualTo(new Reaction.Requested(GatewayOperation.VOID));
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.CAPTURED, null, null))
			.isEqualTo(new Reaction.Requested(GatewayOperation.REFUND));
	}

	@ParameterizedTest
	@EnumSource(names = { "REFUNDED", "VOIDED", "DECLINED", "CANCELLED_BEFORE_PAYMENT" })
	void givesNothingBackTwiceOrWhenNothingWasHeld(PaymentStatus status) {
		assertThat(Reaction.toCancellation(PAYMENT_ID, status, null, null)).isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void remembersACancellationWhileTheAuthorisationOrTheCaptureIsPendingAndLetsItWinOverACapture() {
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZING, GatewayOperation.AUTHORIZE,
				FollowUp.CAPTURE))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.AUTHORIZE));
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZED, GatewayOperation.CAPTURE, null))
			.isEqualTo(new Reaction.Remembered(FollowUp.CANCEL, GatewayOperation.CAPTURE));
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZED, GatewayOperation.CAPTURE,
				FollowUp.CANCEL))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void ignoresACancellationWhileTheVoidOrTheRefundIsPending() {
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZED, GatewayOperation.VOID, null))
			.isInstanceOf(Reaction.Ignored.class);
		assertThat(Reaction.toCancellation(PAYMENT_ID, PaymentStatus.CAPTURED, GatewayOperation.REFUND, null))
			.isInstanceOf(Reaction.Ignored.class);
	}

	@Test
	void refusesAnAuthorizingPaymentWithoutItsIntent() {
		assertThatThrownBy(() -> Reaction.toCapture(PAYMENT_ID, PaymentStatus.AUTHORIZING, null, null))
			.isInstanceOf(IllegalTransition.class)
			.hasMessage("Payment " + PAYMENT_ID + " is AUTHORIZING without its intent: cannot capture");
		assertThatThrownBy(() -> Reaction.toCancellation(PAYMENT_ID, PaymentStatus.AUTHORIZING, null, null))
			.isInstanceOf(IllegalTransition.class)
			.hasMessageEndingWith("cannot be cancelled");
	}

}
