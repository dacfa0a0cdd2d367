package com.example.food.events;

import java.util.UUID;

public record DeliveryCompleted(UUID deliveryId, String courierId) implements FoodEvent {

	public DeliveryCompleted {
		Require.present(deliveryId, "deliveryId");
		Require.present(courierId, "courierId");
	}
}
