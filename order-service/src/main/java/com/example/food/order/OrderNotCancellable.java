package com.example.food.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The order is past the point where it can be cancelled: the kitchen has accepted it, or it never started. */
public class OrderNotCancellable extends ProblemException {

	private final UUID orderId;

	private final OrderStatus status;

	OrderNotCancellable(UUID orderId, OrderStatus status) {
		super("Order " + orderId + " is " + status + "; an order can be cancelled only until the kitchen accepts it.");
		this.orderId = orderId;
		this.status = status;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String type() {
		return "order-not-cancellable";
	}

	@Override
	public String title() {
		return "Order not cancellable";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId, "orderStatus", status);
	}
}
