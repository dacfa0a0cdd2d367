package com.example.food.delivery;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No delivery for this order (yet: one starts when the meal is prepared), or with this id. */
class DeliveryNotFound extends ProblemException {

	private final String key;

	private final UUID value;

	private DeliveryNotFound(String detail, String key, UUID value) {
		super(detail);
		this.key = key;
		this.value = value;
	}

	static DeliveryNotFound forOrder(UUID orderId) {
		return new DeliveryNotFound("Order " + orderId
				+ " has no delivery: none starts before its meal is prepared (meal.prepared).", "orderId", orderId);
	}

	static DeliveryNotFound withId(UUID deliveryId) {
		return new DeliveryNotFound("There is no delivery with id " + deliveryId + ".", "deliveryId", deliveryId);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "delivery-not-found";
	}

	@Override
	public String title() {
		return "Delivery not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of(key, value);
	}
}
