package com.example.food.events;

import java.util.UUID;

public record DeliveryAssigned(UUID deliveryId, String courierId, String courierName) implements FoodEvent {

	public DeliveryAssigned {
		Require.present(deliveryId, "deliveryId");
		Require.present(courierId, "courierId");
		Require.present(courierName, "courierName");
	}
}
