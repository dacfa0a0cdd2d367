package com.example.food.kitchen.ticket;

import java.util.UUID;

import com.example.food.events.CancellationReason;
import com.example.food.events.FoodEvent;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;

/**
 * The kitchen's answer to an order's cancellation request, by where its ticket stands:
 * granted unless the meal is prepared, the point of no return. Only an accepted ticket
 * changes ({@link #DROP}): it is cancelled and its timer cleared, so no meal.prepared
 * will follow; a rejected or cancelled one had nothing cooking.
 */
enum CancellationAnswer {

	DROP(true, "the ticket was accepted, the meal not yet prepared: dropped"),

	NOTHING_COOKED(true, "the kitchen had rejected the ticket: nothing is cooked"),

	ALREADY_CANCELLED(true, "the ticket was already cancelled"),

	REFUSE(false, "the meal is prepared");

	private final boolean granted;

	private final String detail;

	CancellationAnswer(boolean granted, String detail) {
		this.granted = granted;
		this.detail = detail;
	}

	static CancellationAnswer to(TicketStatus status) {
		return switch (status) {
			case ACCEPTED -> DROP;
			case REJECTED -> NOTHING_COOKED;
			case CANCELLED -> ALREADY_CANCELLED;
			case PREPARED -> REFUSE;
		};
	}

	/** ticket.cancelled if granted, ticket.cancellation-refused if not, saying why. */
	FoodEvent event(UUID ticketId, CancellationReason reason) {
		return granted ? new TicketCancelled(ticketId, reason, detail)
				: new TicketCancellationRefused(ticketId, reason, detail);
	}

}
