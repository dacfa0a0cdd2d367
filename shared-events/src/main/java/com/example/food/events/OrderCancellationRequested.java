package com.example.food.events;

import org.jspecify.annotations.Nullable;

/**
 * A request, not a fact: the order asks to be cancelled (the customer, or its deadline)
 * and waits, in CANCELLING, for the kitchen's answer. Only the kitchen knows whether the
 * meal is prepared, so only it can grant ({@link TicketCancelled}) or refuse
 * ({@link TicketCancellationRefused}); the answer is correlated by the order id. Nothing
 * is compensated before it is granted.
 */
public record OrderCancellationRequested(CancellationReason reason, @Nullable String detail) implements FoodEvent {

	public OrderCancellationRequested {
		Require.present(reason, "reason");
		if (!reason.isRequested()) {
			throw new InvalidEvent("reason " + reason + " is a fact that ends an order, not a request to cancel it");
		}
	}
}
