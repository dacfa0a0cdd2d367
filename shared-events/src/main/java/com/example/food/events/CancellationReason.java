package com.example.food.events;

/** Why an order ended as cancelled; the order service's state and {@link OrderCancelled} share it. */
public enum CancellationReason {
	PAYMENT_DECLINED,
	KITCHEN_REJECTED,
	NO_COURIER,
	CUSTOMER_REQUEST,
	INVENTORY_UNAVAILABLE
}
