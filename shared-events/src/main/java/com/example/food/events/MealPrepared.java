package com.example.food.events;

import java.util.List;
import java.util.UUID;

/**
 * The food is ready; carries what delivery needs to hand it over without asking anyone.
 */
public record MealPrepared(UUID ticketId, String customerId, List<OrderLine> lines,
		DeliveryAddress deliveryAddress) implements FoodEvent {

	public MealPrepared {
		Require.present(ticketId, "ticketId");
		Require.present(customerId, "customerId");
		lines = Require.notEmpty(lines, "lines");
		Require.present(deliveryAddress, "deliveryAddress");
	}
}
