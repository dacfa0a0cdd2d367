package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * An order id that already has a reservation, asked again for other lines. Not a retry then, but a
 * client bug (an order id reused): answering with the old reservation would hide it.
 */
class ReservationConflict extends ProblemException {

	private final UUID orderId;

	ReservationConflict(UUID orderId) {
		super("Order " + orderId + " already has a reservation for other lines; an order id reserves once.");
		this.orderId = orderId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String type() {
		return "reservation-conflict";
	}

	@Override
	public String title() {
		return "Reservation conflict";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId);
	}
}
