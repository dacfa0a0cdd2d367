package com.example.food.payment;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * No payment (not even a tombstone): payment has not heard of the order yet, or the id is
 * unknown. The saga is asynchronous, so "not yet" is a normal answer right after an order
 * is placed.
 */
class PaymentNotFound extends ProblemException {

	private PaymentNotFound(String detail, Map<String, Object> properties) {
		super(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", detail, properties);
	}

	static PaymentNotFound forOrder(UUID orderId) {
		return new PaymentNotFound(
				"There is no payment for order " + orderId + " (yet: payment reacts to order.placed asynchronously).",
				Map.of("orderId", orderId));
	}

	static PaymentNotFound withId(UUID paymentId) {
		return new PaymentNotFound("There is no payment " + paymentId + ".", Map.of("paymentId", paymentId));
	}

}
