package com.example.food.events;

/**
 * No courier took the order after {@code attempts} tries; the order service cancels with
 * {@code NO_COURIER}.
 */
public record DeliveryFailed(String reason, int attempts) implements FoodEvent {

	public DeliveryFailed {
		Require.present(reason, "reason");
		Require.positive(attempts, "attempts");
	}
}
