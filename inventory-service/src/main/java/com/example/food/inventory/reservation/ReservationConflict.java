package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * An order id that already has a reservation, asked again for other lines. Not a retry
 * then, but a client bug (an order id reused): answering with the old reservation would
 * hide it.
 */
class ReservationConflict extends ProblemException {

	ReservationConflict(UUID orderId) {
		super(HttpStatus.CONFLICT, "reservation-conflict", "Reservation conflict",
				"Order " + orderId + " already has a reservation for other lines; an order id reserves once.",
				Map.of("orderId", orderId));
	}

}
