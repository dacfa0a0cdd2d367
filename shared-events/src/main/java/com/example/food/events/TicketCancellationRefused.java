package com.example.food.events;

import java.util.UUID;

/**
 * The kitchen refused an order's cancellation request: the meal is already prepared (the
 * point of no return). The order leaves CANCELLING for the state the facts have put it
 * in, and runs on.
 */
public record TicketCancellationRefused(UUID ticketId, CancellationReason reason, String refusal) implements FoodEvent {

	public TicketCancellationRefused {
		Require.present(ticketId, "ticketId");
		Require.present(reason, "reason");
		Require.present(refusal, "refusal");
	}
}
