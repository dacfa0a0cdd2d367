package com.example.food.payment;

import java.util.UUID;

/**
 * A refund was asked of a payment that holds no money: declined, already refunded, or a tombstone.
 * {@link PaymentManagement} never asks (it checks the status first and says what it ignored), so
 * this is a bug, not a saga outcome.
 */
class PaymentNotRefundable extends IllegalStateException {

	PaymentNotRefundable(UUID paymentId, UUID orderId, PaymentStatus status) {
		super("Payment " + paymentId + " of order " + orderId + " is " + status + "; only a CHARGED payment is refunded");
	}
}
