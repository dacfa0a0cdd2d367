package com.example.food.delivery;

/**
 * Where a delivery stands. {@code WAITING_FOR_COURIER -> ASSIGNED -> DELIVERED}, or
 * {@code WAITING_FOR_COURIER -> FAILED} when no courier was free after the last attempt.
 */
public enum DeliveryStatus {

	/**
	 * Created; no courier free at the last attempt, the next one is due at {@code dueAt}.
	 */
	WAITING_FOR_COURIER,

	/** A courier is on the way; the hand-over is due at {@code dueAt}. */
	ASSIGNED,

	/** Handed to the customer; the courier is back in the pool. */
	DELIVERED,

	/**
	 * No courier after every attempt: the order service cancels the order with
	 * NO_COURIER.
	 */
	FAILED

}
