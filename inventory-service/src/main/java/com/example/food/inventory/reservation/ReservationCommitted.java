package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * A release of a reservation the kitchen already took: the stock is being cooked, so it is not
 * given back. Compensation is semantic, not undo (the money is refunded, the pizza is not restocked).
 */
class ReservationCommitted extends ProblemException {

	ReservationCommitted(UUID orderId) {
		super(HttpStatus.CONFLICT, "reservation-committed", "Reservation committed",
				"The reservation of order " + orderId + " is committed: its stock is spent and cannot be released.",
				Map.of("orderId", orderId));
	}
}
