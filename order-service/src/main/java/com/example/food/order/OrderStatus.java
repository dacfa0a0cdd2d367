package com.example.food.order;

/**
 * Where an order's saga stands. The happy path runs from {@code AWAITING_PAYMENT} to
 * {@code DELIVERED}, in the order declared here; {@code REJECTED} (inventory had not
 * enough stock, nothing was reserved) and {@code CANCELLED} (with a reason) are the other
 * ends. {@code CANCELLING} is a semantic lock: the order asked the kitchen to cancel it
 * and waits for the answer; it ends CANCELLED if the kitchen grants it, and returns to
 * the happy path if not.
 */
public enum OrderStatus {

	// The declaration order is the happy path: isBefore relies on it.
	AWAITING_PAYMENT, PAID, PREPARING, READY_FOR_DELIVERY, OUT_FOR_DELIVERY, DELIVERED, CANCELLING, REJECTED, CANCELLED;

	/** Delivered, rejected or cancelled: no fact moves the order any more. */
	public boolean isFinal() {
		return switch (this) {
			case DELIVERED, REJECTED, CANCELLED -> true;
			case AWAITING_PAYMENT, PAID, PREPARING, READY_FOR_DELIVERY, OUT_FOR_DELIVERY, CANCELLING -> false;
		};
	}

	/**
	 * Whether {@code later} comes after this status on the way to {@code DELIVERED};
	 * never off that way.
	 */
	public boolean isBefore(OrderStatus later) {
		return isOnTheHappyPath() && later.isOnTheHappyPath() && ordinal() < later.ordinal();
	}

	private boolean isOnTheHappyPath() {
		return this != REJECTED && this != CANCELLED && this != CANCELLING;
	}

}
