package com.example.food.payment;

import com.example.food.payment.gateway.GatewayOperation;

/**
 * What a payment was asked to do while one of its gateway operations was still pending:
 * remembered with the payment, and asked for as soon as that operation's answer is
 * recorded. Nothing is lost and nothing waits on a retry of the message.
 */
public enum FollowUp {

	/**
	 * ticket.accepted came while the authorisation was pending: capture once it is
	 * approved.
	 */
	CAPTURE,

	/**
	 * order.cancelled came while the authorisation or the capture was pending: void the
	 * hold once it is approved, or refund the capture once it is taken. It wins over a
	 * remembered CAPTURE.
	 */
	CANCEL;

	/**
	 * The operation this follow-up asks for once the pending one is approved: a capture
	 * after the hold; a void after the hold, a refund after the capture, for a
	 * cancellation.
	 */
	GatewayOperation after(GatewayOperation approved) {
		return switch (this) {
			case CAPTURE -> switch (approved) {
				case AUTHORIZE -> GatewayOperation.CAPTURE;
				case CAPTURE, VOID, REFUND -> throw notRememberedWhile(approved);
			};
			case CANCEL -> switch (approved) {
				case AUTHORIZE -> GatewayOperation.VOID;
				case CAPTURE -> GatewayOperation.REFUND;
				case VOID, REFUND -> throw notRememberedWhile(approved);
			};
		};
	}

	private IllegalStateException notRememberedWhile(GatewayOperation pending) {
		return new IllegalStateException(this + " is never remembered while " + pending + " is pending");
	}

}
