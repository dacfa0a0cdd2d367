package com.example.food.inventory.reservation;

/**
 * Where a reservation stands. Only a RESERVED one holds stock, and only a RESERVED one changes:
 * to COMMITTED (ticket.accepted), RELEASED (order.cancelled or DELETE) or EXPIRED (its time-to-live).
 */
public enum ReservationStatus {

	/** The stock is held for the order. */
	RESERVED,

	/** The stock was given back, or never held: a tombstone for an order released before it reserved. */
	RELEASED,

	/** The kitchen took the order: the stock is spent and is not given back, even if the order is cancelled. */
	COMMITTED,

	/**
	 * Neither committed nor released within its time-to-live: the stock was given back by the expiry
	 * job. Kept apart from RELEASED so that a reader (and the logs of a late ticket.accepted) can tell
	 * a saga that stalled from one that was cancelled.
	 */
	EXPIRED
}
