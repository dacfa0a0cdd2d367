package com.example.food.inventory.reservation;

/** Where a reservation stands. Only a RESERVED one holds stock. */
public enum ReservationStatus {

	/** The stock is held for the order. */
	RESERVED,

	/** The stock was given back, or never held: a tombstone for an order released before it reserved. */
	RELEASED,

	/** The kitchen took the order: the stock is spent and is not given back, even if the order is cancelled. */
	COMMITTED
}
