package com.example.food.events;

/**
 * Why an order ended as cancelled; the order service's state and {@link OrderCancelled}
 * share it.
 *
 * <p>
 * Two kinds. CUSTOMER_REQUEST and DEADLINE_EXCEEDED are <em>requests</em>: the order asks
 * the kitchen ({@link OrderCancellationRequested}) and is cancelled only if the kitchen
 * grants it, so no meal is ever made for an order cancelled for them. The others are
 * <em>facts</em> another service announced, which end the order at once.
 *
 * <p>
 * DEADLINE_EXCEEDED came after the first five. A new value is a change of the contract: a
 * consumer that refuses unknown values (as {@link EventJson} does) would dead-letter it.
 * It was safe here because every consumer of order.cancelled reads the reason only to log
 * it and ships with this module; a system whose consumers deploy on their own would add
 * such a value only after every consumer accepts it (or in a new event version).
 */
public enum CancellationReason {

	PAYMENT_DECLINED, KITCHEN_REJECTED, NO_COURIER, CUSTOMER_REQUEST, INVENTORY_UNAVAILABLE,
	/**
	 * The order sat in one state past its deadline, and the kitchen granted its
	 * cancellation.
	 */
	DEADLINE_EXCEEDED;

	/**
	 * Whether the order asks the kitchen for this cancellation (and may be refused),
	 * rather than being told of it.
	 */
	public boolean isRequested() {
		return this == CUSTOMER_REQUEST || this == DEADLINE_EXCEEDED;
	}

	/**
	 * Whether an order cancelled for this reason had its meal made: only NO_COURIER (the
	 * meal was prepared, no courier came). Inventory spends the stock of such an order,
	 * whatever order the facts arrive in, and gives back the stock of every other
	 * cancelled order.
	 */
	public boolean mealWasMade() {
		return this == NO_COURIER;
	}

}
