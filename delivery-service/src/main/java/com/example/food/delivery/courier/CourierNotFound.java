package com.example.food.delivery.courier;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No courier with this id is in the pool. */
class CourierNotFound extends ProblemException {

	CourierNotFound(String courierId) {
		super(HttpStatus.NOT_FOUND, "courier-not-found", "Courier not found",
				"There is no courier with id " + courierId + ".", Map.of("courierId", courierId));
	}

}
