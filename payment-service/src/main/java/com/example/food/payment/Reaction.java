package com.example.food.payment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.infrastructure.domain.IllegalTransition;
import com.example.food.payment.gateway.GatewayOperation;

/**
 * What a payment makes of a fact that asks something of its money (ticket.accepted,
 * order.cancelled), and the rules that decide it by where the payment stands: its status
 * and the gateway operation it has pending, if any (the table in docs/payments.md).
 * {@link Payment} applies what they decide.
 */
sealed interface Reaction {

	/**
	 * An intent is recorded: the gateway is called once the handler's transaction has
	 * committed.
	 */
	record Requested(GatewayOperation operation) implements Reaction {

	}

	/**
	 * Another operation is pending: this is remembered, and asked for once that one's
	 * answer is recorded.
	 */
	record Remembered(FollowUp followUp, GatewayOperation pending) implements Reaction {

	}

	/** Nothing to do, on purpose; {@code why} goes into the log. */
	record Ignored(String why) implements Reaction {

	}

	/**
	 * ticket.accepted: only an AUTHORIZED hold is captured, and only once; while the
	 * authorisation is pending, the capture is remembered.
	 * @throws IllegalTransition if the payment is AUTHORIZING without its intent
	 */
	static Reaction toCapture(UUID paymentId, PaymentStatus status, @Nullable GatewayOperation pending,
			@Nullable FollowUp followUp) {
		if (pending != null) {
			return switch (pending) {
				case AUTHORIZE -> followUp == null ? new Remembered(FollowUp.CAPTURE, pending)
						: new Ignored(followUp == FollowUp.CANCEL
								? "the order was cancelled while the authorisation was pending: the hold will be "
										+ "voided, never captured"
								: "its capture is already remembered");
				case CAPTURE -> new Ignored("its capture is already under way; a hold is captured once");
				case VOID -> new Ignored("the order was cancelled: the hold is being voided, never captured");
				case REFUND -> new Ignored("it was captured already, and is being refunded");
			};
		}
		return switch (status) {
			case AUTHORIZED -> new Requested(GatewayOperation.CAPTURE);
			case CAPTURED, REFUNDED -> new Ignored("it was captured already; money is taken once");
			case VOIDED ->
				new Ignored("the hold was voided (the order was cancelled); a voided hold is never captured");
			case DECLINED -> new Ignored("the authorisation was declined; nothing is held to capture");
			case CANCELLED_BEFORE_PAYMENT -> new Ignored("the order was cancelled before any payment; nothing is held");
			case AUTHORIZING -> throw withoutItsIntent(paymentId, "capture");
		};
	}

	/**
	 * order.cancelled, whatever the reason: a hold is voided, a capture refunded; while
	 * the authorisation or the capture is pending, the cancellation is remembered and
	 * applied to its answer, so a cancelled order's payment is never left CAPTURED.
	 * @throws IllegalTransition if the payment is AUTHORIZING without its intent
	 */
	static Reaction toCancellation(UUID paymentId, PaymentStatus status, @Nullable GatewayOperation pending,
			@Nullable FollowUp followUp) {
		if (pending != null) {
			return switch (pending) {
				case AUTHORIZE, CAPTURE -> followUp == FollowUp.CANCEL
						? new Ignored("it is already cancelled, waiting for the gateway's answer to its " + pending)
						: new Remembered(FollowUp.CANCEL, pending);
				case VOID -> new Ignored("its hold is already being voided");
				case REFUND -> new Ignored("it is already being refunded");
			};
		}
		return switch (status) {
			case AUTHORIZED -> new Requested(GatewayOperation.VOID);
			case CAPTURED -> new Requested(GatewayOperation.REFUND);
			case DECLINED -> new Ignored("the authorisation was declined; nothing to void or refund");
			case VOIDED -> new Ignored("its hold was voided already");
			case REFUNDED -> new Ignored("it was refunded already");
			case CANCELLED_BEFORE_PAYMENT -> new Ignored("it was cancelled before any payment already");
			case AUTHORIZING -> throw withoutItsIntent(paymentId, "be cancelled");
		};
	}

	private static IllegalTransition withoutItsIntent(UUID paymentId, String move) {
		return new IllegalTransition("Payment", paymentId, "AUTHORIZING without its intent", move);
	}

}
