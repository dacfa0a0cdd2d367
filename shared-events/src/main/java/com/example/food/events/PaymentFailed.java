package com.example.food.events;

/**
 * The charge was declined; nothing was taken, so the order is cancelled without a refund.
 */
public record PaymentFailed(String reason) implements FoodEvent {

	public PaymentFailed {
		Require.present(reason, "reason");
	}
}
