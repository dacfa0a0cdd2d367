package com.example.food.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The order is over without a meal. Inventory releases, payment refunds if it charged,
 * the kitchen drops its ticket; the lines travel along so none of them has to ask what
 * was ordered. The lines are empty when the order was cancelled before inventory priced
 * it (reason INVENTORY_UNAVAILABLE): inventory then releases whatever it may hold for the
 * order id.
 */
public record OrderCancelled(CancellationReason reason, @Nullable String detail,
		List<OrderLine> lines) implements FoodEvent {

	public OrderCancelled {
		Require.present(reason, "reason");
		lines = Require.list(lines, "lines");
	}
}
