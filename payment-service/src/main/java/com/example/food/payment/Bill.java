package com.example.food.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Embeddable;

import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderPlaced;

/**
 * What a payment is for: the order's total, in cents, and whose money it is, as
 * order.placed told them ({@code payment.amount}, {@code payment.customer_id}). A
 * tombstone has none: its order never told them.
 */
@Embeddable
record Bill(BigDecimal amount, String customerId) {

	/** As long as order-service accepts, and as payment.customer_id stores. */
	private static final int MAX_CUSTOMER_ID_LENGTH = 64;

	/** numeric(12, 2): ten digits before the point. */
	private static final int MAX_AMOUNT_PRECISION = 12;

	/**
	 * The placed order's bill; a total with fractions of a cent or too large to store, or
	 * a customer id too long to store, is no order to pay.
	 * @throws InvalidEvent if the order's total or customer id cannot be a payment's
	 */
	static Bill of(OrderPlaced order) {
		BigDecimal total = order.total();
		BigDecimal amount;
		try {
			amount = total.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new InvalidEvent("total " + total.toPlainString() + " has fractions of a cent", ex);
		}
		if (amount.precision() > MAX_AMOUNT_PRECISION) {
			throw new InvalidEvent("total " + total.toPlainString() + " is too large to pay");
		}
		if (order.customerId().length() > MAX_CUSTOMER_ID_LENGTH) {
			throw new InvalidEvent("customerId is longer than " + MAX_CUSTOMER_ID_LENGTH + " characters");
		}
		return new Bill(amount, order.customerId());
	}

}
