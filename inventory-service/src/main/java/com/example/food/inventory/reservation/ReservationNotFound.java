package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No reservation (not even a tombstone) for this order id. */
class ReservationNotFound extends ProblemException {

	ReservationNotFound(UUID orderId) {
		super(HttpStatus.NOT_FOUND, "reservation-not-found", "Reservation not found",
				"There is no reservation for order " + orderId + ".", Map.of("orderId", orderId));
	}

}
