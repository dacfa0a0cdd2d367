package com.example.food.payment.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.payment.PaymentManagement;

/**
 * Read-only: payments are made by events, never by a request. A 404 problem
 * ({@code payment-not-found}) right after an order is placed only means payment has not
 * handled its order.placed yet.
 */
@Tag(name = "Payments",
		description = "Read-only: payments are made by events (order.placed, ticket.accepted, "
				+ "order.cancelled), never by a request")
@RestController
@RequestMapping("/payments")
class PaymentController {

	private final PaymentManagement payments;

	PaymentController(PaymentManagement payments) {
		this.payments = payments;
	}

	@Operation(summary = "The payment of an order", description = "Money is held, then taken: `AUTHORIZING` (the "
			+ "gateway has not answered yet), `AUTHORIZED` (held), `DECLINED` (with its reason), `CAPTURED` (taken), "
			+ "`VOIDED` (the hold released), `REFUNDED` (given back) or `CANCELLED_BEFORE_PAYMENT`; `held`, `captured` "
			+ "and `refunded` say where the money is, `pendingOperation` what the gateway has not answered yet")
	@ApiResponse(responseCode = "200", description = "The payment")
	@ApiResponse(responseCode = "404",
			description = "`payment-not-found`: payment has not heard of the order, or " + "not yet")
	@GetMapping(params = "orderId")
	PaymentView findByOrder(@RequestParam UUID orderId) {
		return PaymentView.of(payments.findByOrder(orderId));
	}

	@Operation(summary = "One payment",
			description = "By the payment id that payment.completed, payment.captured, "
					+ "payment.voided and payment.refunded carry")
	@ApiResponse(responseCode = "200", description = "The payment")
	@ApiResponse(responseCode = "404", description = "`payment-not-found`")
	@GetMapping("/{id}")
	PaymentView find(@PathVariable UUID id) {
		return PaymentView.of(payments.find(id));
	}

}
