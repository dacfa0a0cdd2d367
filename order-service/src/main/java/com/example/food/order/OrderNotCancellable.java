package com.example.food.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The order is past the point where it can be cancelled: the kitchen has accepted it, or it never started. */
public class OrderNotCancellable extends ProblemException {

	OrderNotCancellable(UUID orderId, OrderStatus status) {
		super(HttpStatus.CONFLICT, "order-not-cancellable", "Order not cancellable",
				"Order " + orderId + " is " + status + "; an order can be cancelled only until the kitchen accepts it.",
				Map.of("orderId", orderId, "orderStatus", status));
	}
}
