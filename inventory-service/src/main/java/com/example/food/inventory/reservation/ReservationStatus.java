package com.example.food.inventory.reservation;

/**
 * Where a reservation stands. Only a RESERVED one holds stock. It becomes COMMITTED when
 * the meal is made (ticket.accepted, or order.cancelled for NO_COURIER), RELEASED when
 * the order is cancelled for any other reason (or by DELETE), or EXPIRED past its
 * time-to-live. Stock is spent exactly when food is made, so two later moves follow the
 * facts (see {@link MealStock}): COMMITTED becomes RELEASED when the order is cancelled
 * before its meal was prepared, and EXPIRED becomes COMMITTED when the meal is made after
 * all (a late commit) or RELEASED when the order is cancelled.
 */
public enum ReservationStatus {

	/** The stock is held for the order. */
	RESERVED,

	/**
	 * The stock was given back, or never held: a tombstone for an order released before
	 * it reserved.
	 */
	RELEASED,

	/**
	 * The meal is made: the stock is spent. It goes back on the shelf only if the order
	 * is cancelled before the meal was prepared (the kitchen accepted, then granted a
	 * customer's cancellation).
	 */
	COMMITTED,

	/**
	 * Neither committed nor released within its time-to-live: the stock was given back by
	 * the expiry job. Kept apart from RELEASED so that a reader can tell a saga that
	 * stalled from one that was cancelled, and so that a late ticket.accepted knows to
	 * commit it after all.
	 */
	EXPIRED

}
