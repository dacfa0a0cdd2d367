package com.example.food.payment;

/**
 * Where an order's payment stands. Every status is final except CHARGED, which a cancellation
 * turns into REFUNDED, once.
 */
public enum PaymentStatus {

	/** The gateway approved: the money is taken and payment.completed announced. */
	CHARGED,

	/** The gateway refused (with the reason): nothing was taken, payment.failed announced. */
	DECLINED,

	/** The order was cancelled after it was charged: the money went back, payment.refunded announced. */
	REFUNDED,

	/**
	 * A tombstone: the order was cancelled before its order.placed arrived (or before it ever
	 * reached payment). Nothing was taken, and a late order.placed for it will not be charged.
	 */
	CANCELLED_BEFORE_CHARGE
}
