package com.example.food.events;

import java.util.UUID;

/**
 * The kitchen granted an order's cancellation request: nothing will be cooked for it
 * (there was no ticket yet, and a tombstone now keeps a late payment from opening one; or
 * the accepted ticket was dropped before the meal was prepared; or the kitchen had
 * rejected it already). The order ends CANCELLED and announces order.cancelled, which
 * sets the compensations going.
 */
public record TicketCancelled(UUID ticketId, CancellationReason reason, String detail) implements FoodEvent {

	public TicketCancelled {
		Require.present(ticketId, "ticketId");
		Require.present(reason, "reason");
		Require.present(detail, "detail");
	}
}
