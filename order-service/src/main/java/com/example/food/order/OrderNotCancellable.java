package com.example.food.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * The order's own state already forbids a cancellation request: its meal is known to be
 * prepared (or the order was delivered), or it never started (rejected). Earlier, the
 * kitchen decides.
 */
public class OrderNotCancellable extends ProblemException {

	OrderNotCancellable(UUID orderId, OrderStatus status) {
		super(HttpStatus.CONFLICT, "order-not-cancellable", "Order not cancellable",
				"Order " + orderId + " is " + status
						+ "; a cancellation can be requested only until its meal is prepared.",
				Map.of("orderId", orderId, "orderStatus", status));
	}

}
