package com.example.food.events;

/**
 * Why an order ended as cancelled; the order service's state and {@link OrderCancelled} share it.
 *
 * <p>DEADLINE_EXCEEDED came after the first five. A new value is a change of the contract: a
 * consumer that refuses unknown values (as {@link EventJson} does) would dead-letter it. It was
 * safe here because every consumer of order.cancelled reads the reason only to log it and ships
 * with this module; a system whose consumers deploy on their own would add such a value only
 * after every consumer accepts it (or in a new event version).
 */
public enum CancellationReason {
	PAYMENT_DECLINED,
	KITCHEN_REJECTED,
	NO_COURIER,
	CUSTOMER_REQUEST,
	INVENTORY_UNAVAILABLE,
	/** The order sat in one state past its deadline, before the kitchen accepted it. */
	DEADLINE_EXCEEDED
}
