package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No reservation (not even a tombstone) for this order id. */
class ReservationNotFound extends ProblemException {

	private final UUID orderId;

	ReservationNotFound(UUID orderId) {
		super("There is no reservation for order " + orderId + ".");
		this.orderId = orderId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "reservation-not-found";
	}

	@Override
	public String title() {
		return "Reservation not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId);
	}
}
