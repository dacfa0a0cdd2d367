package com.example.food.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No order has this id. */
public class OrderNotFound extends ProblemException {

	private final UUID orderId;

	OrderNotFound(UUID orderId) {
		super("There is no order " + orderId + ".");
		this.orderId = orderId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "order-not-found";
	}

	@Override
	public String title() {
		return "Order not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId);
	}
}
