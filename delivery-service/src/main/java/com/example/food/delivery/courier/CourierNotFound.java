package com.example.food.delivery.courier;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No courier with this id is in the pool. */
class CourierNotFound extends ProblemException {

	private final String courierId;

	CourierNotFound(String courierId) {
		super("There is no courier with id " + courierId + ".");
		this.courierId = courierId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "courier-not-found";
	}

	@Override
	public String title() {
		return "Courier not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("courierId", courierId);
	}
}
