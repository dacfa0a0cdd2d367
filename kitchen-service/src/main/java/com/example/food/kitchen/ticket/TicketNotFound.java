package com.example.food.kitchen.ticket;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The kitchen has no ticket (not even a tombstone) for this order: it has not heard of its payment. */
class TicketNotFound extends ProblemException {

	private final UUID orderId;

	TicketNotFound(UUID orderId) {
		super("The kitchen has no ticket for order " + orderId + " (yet: it makes one when the payment completes).");
		this.orderId = orderId;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "ticket-not-found";
	}

	@Override
	public String title() {
		return "Ticket not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId);
	}
}
