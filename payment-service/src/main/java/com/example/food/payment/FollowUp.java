package com.example.food.payment;

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
	CANCEL

}
