package com.example.food.inventory.reservation;

/**
 * What a reservation request led to: a new reservation, or the one already made for that
 * order.
 */
public sealed interface ReservationOutcome {

	Reservation reservation();

	/** Stock was reserved by this request. */
	record Reserved(Reservation reservation) implements ReservationOutcome {
	}

	/**
	 * The order already had a reservation (a retry, or released before): nothing was
	 * reserved again.
	 */
	record AlreadyKnown(Reservation reservation) implements ReservationOutcome {
	}

}
