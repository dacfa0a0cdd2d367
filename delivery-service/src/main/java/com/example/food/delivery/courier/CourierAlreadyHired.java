package com.example.food.delivery.courier;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** A courier with this id is in the pool already. */
class CourierAlreadyHired extends ProblemException {

	CourierAlreadyHired(String courierId) {
		super(HttpStatus.CONFLICT, "courier-already-hired", "Courier already hired",
				"Courier " + courierId + " is in the pool already.", Map.of("courierId", courierId));
	}

}
