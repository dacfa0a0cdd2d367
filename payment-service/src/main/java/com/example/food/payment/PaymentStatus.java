package com.example.food.payment;

import com.example.food.payment.gateway.GatewayOperation;

/**
 * Where an order's payment stands: money is held, then taken. Every status but
 * AUTHORIZING is a settled answer of the gateway (or a tombstone); a capture, void or
 * refund asked for and not answered yet is the payment's pending operation, its status
 * unchanged until the answer is recorded.
 *
 * <pre>
 * AUTHORIZING -> AUTHORIZED -> CAPTURED -> REFUNDED
 *            \-> DECLINED   \-> VOIDED
 * CANCELLED_BEFORE_PAYMENT (a tombstone)
 * </pre>
 */
public enum PaymentStatus {

	/**
	 * order.placed arrived; the authorisation is asked for and the gateway has not
	 * answered yet.
	 */
	AUTHORIZING,

	/**
	 * The gateway holds the amount on the card, nothing is taken yet: payment.completed
	 * announced.
	 */
	AUTHORIZED,

	/**
	 * The gateway refused the authorisation (with the reason): nothing held,
	 * payment.failed announced.
	 */
	DECLINED,

	/** The kitchen accepted, the amount held was taken: payment.captured announced. */
	CAPTURED,

	/**
	 * The order was cancelled before the capture: the hold was released, nothing taken;
	 * payment.voided announced.
	 */
	VOIDED,

	/**
	 * The order was cancelled after the capture: the money went back; payment.refunded
	 * announced.
	 */
	REFUNDED,

	/**
	 * A tombstone: the order was cancelled before its order.placed arrived (or before it
	 * ever reached payment). Nothing was held, and a late order.placed for it holds
	 * nothing.
	 */
	CANCELLED_BEFORE_PAYMENT;

	/** Where the gateway's approval of an operation leaves a payment. */
	static PaymentStatus approved(GatewayOperation operation) {
		return switch (operation) {
			case AUTHORIZE -> AUTHORIZED;
			case CAPTURE -> CAPTURED;
			case VOID -> VOIDED;
			case REFUND -> REFUNDED;
		};
	}

}
