package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * A release over HTTP of a reservation whose stock is spent. A request carries no reason,
 * so it cannot tell whether the meal was made: only order.cancelled, whose reason says
 * so, puts spent stock back on the shelf (see {@link MealStock}).
 */
class ReservationCommitted extends ProblemException {

	ReservationCommitted(UUID orderId) {
		super(HttpStatus.CONFLICT, "reservation-committed", "Reservation committed",
				"The reservation of order " + orderId + " is committed: its stock is spent and cannot be released.",
				Map.of("orderId", orderId));
	}

}
