package com.example.food.delivery;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.events.OrderLine;

/** meal.prepared events as the kitchen publishes them. */
public final class Meals {

	public static final DeliveryAddress ADDRESS = new DeliveryAddress("1 Main St", "Springfield", "12345");

	private Meals() {
	}

	public static EventEnvelope preparedFor(UUID orderId) {
		return preparedFor(orderId, ADDRESS);
	}

	public static EventEnvelope preparedFor(UUID orderId, DeliveryAddress address) {
		return EventEnvelope.of(new MealPrepared(UUID.randomUUID(), "c-42",
				List.of(new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50"))), address),
				orderId, UUID.randomUUID());
	}

}
