package com.example.food.events;

import java.util.List;
import java.util.UUID;

/**
 * The kitchen took the order: from here the stock is spent and the customer can no longer
 * cancel.
 */
public record TicketAccepted(UUID ticketId, List<OrderLine> lines) implements FoodEvent {

	public TicketAccepted {
		Require.present(ticketId, "ticketId");
		lines = Require.notEmpty(lines, "lines");
	}
}
