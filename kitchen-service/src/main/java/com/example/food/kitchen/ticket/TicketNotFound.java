package com.example.food.kitchen.ticket;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * The kitchen has no ticket (not even a tombstone) for this order: it has not heard of
 * its payment.
 */
class TicketNotFound extends ProblemException {

	TicketNotFound(UUID orderId) {
		super(HttpStatus.NOT_FOUND, "ticket-not-found", "Ticket not found",
				"The kitchen has no ticket for order " + orderId + " (yet: it makes one when the payment completes).",
				Map.of("orderId", orderId));
	}

}
