package com.example.food.delivery.courier;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** A courier with this id is in the pool already. */
class CourierAlreadyHired extends ProblemException {

	private final String courierId;

	CourierAlreadyHired(String courierId) {
		super("Courier " + courierId + " is in the pool already.");
		this.courierId = courierId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String type() {
		return "courier-already-hired";
	}

	@Override
	public String title() {
		return "Courier already hired";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("courierId", courierId);
	}
}
