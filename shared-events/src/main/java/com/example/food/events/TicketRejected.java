package com.example.food.events;

import java.util.List;
import java.util.UUID;

/**
 * The kitchen cannot make the order; {@code unavailableSkus} may be empty when the reason
 * is not a dish.
 */
public record TicketRejected(UUID ticketId, String reason, List<String> unavailableSkus) implements FoodEvent {

	public TicketRejected {
		Require.present(ticketId, "ticketId");
		Require.present(reason, "reason");
		unavailableSkus = Require.list(unavailableSkus, "unavailableSkus");
	}
}
