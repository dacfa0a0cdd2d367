package com.example.food.payment.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.payment.PaymentManagement;

/**
 * Read-only: payments are made by events, never by a request. A 404 problem
 * ({@code payment-not-found}) right after an order is placed only means payment has not handled
 * its order.placed yet.
 */
@RestController
@RequestMapping("/payments")
class PaymentController {

	private final PaymentManagement payments;

	PaymentController(PaymentManagement payments) {
		this.payments = payments;
	}

	/** {@code GET /payments?orderId=...}: the one payment of an order. */
	@GetMapping(params = "orderId")
	PaymentView findByOrder(@RequestParam UUID orderId) {
		return PaymentView.of(payments.findByOrder(orderId));
	}

	/** By the payment id that payment.completed and payment.refunded carry. */
	@GetMapping("/{id}")
	PaymentView find(@PathVariable UUID id) {
		return PaymentView.of(payments.find(id));
	}
}
