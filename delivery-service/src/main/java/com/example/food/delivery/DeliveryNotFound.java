package com.example.food.delivery;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * No delivery for this order (yet: one starts when the meal is prepared), or with this
 * id.
 */
class DeliveryNotFound extends ProblemException {

	private DeliveryNotFound(String detail, String key, UUID value) {
		super(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found", detail, Map.of(key, value));
	}

	static DeliveryNotFound forOrder(UUID orderId) {
		return new DeliveryNotFound(
				"Order " + orderId + " has no delivery: none starts before its meal is prepared (meal.prepared).",
				"orderId", orderId);
	}

	static DeliveryNotFound withId(UUID deliveryId) {
		return new DeliveryNotFound("There is no delivery with id " + deliveryId + ".", "deliveryId", deliveryId);
	}

}
