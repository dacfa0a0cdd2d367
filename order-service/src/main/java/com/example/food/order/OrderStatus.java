package com.example.food.order;

/**
 * Where an order's saga stands. The happy path runs from {@code AWAITING_PAYMENT} to
 * {@code DELIVERED}; {@code REJECTED} (inventory had not enough stock, nothing was reserved) and
 * {@code CANCELLED} (with a reason) are the other ends.
 */
public enum OrderStatus {

	AWAITING_PAYMENT, PAID, PREPARING, READY_FOR_DELIVERY, OUT_FOR_DELIVERY, DELIVERED, REJECTED, CANCELLED

}
