package com.example.food.kitchen.ticket;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.example.food.events.OrderLine;

/**
 * Why the kitchen turns a paid order down: the dishes in it that it cannot make right
 * now, each named once in the order they were ordered, and the reason ticket.rejected
 * gives, cut to fit the ticket's reason column.
 */
record Rejection(List<String> unavailableSkus, String reason) {

	static final int MAX_REASON_LENGTH = 200;

	/**
	 * The kitchen's rejection of these lines, or null if it can make every dish.
	 * @param unavailableSkus the dishes the kitchen cannot make right now (others are
	 * ignored)
	 */
	static @Nullable Rejection of(List<OrderLine> lines, Set<String> unavailableSkus) {
		List<String> unavailable = lines.stream()
			.map(OrderLine::sku)
			.filter(unavailableSkus::contains)
			.distinct()
			.toList();
		if (unavailable.isEmpty()) {
			return null;
		}
		String reason = "The kitchen cannot make " + String.join(", ", unavailable) + " right now";
		return new Rejection(unavailable,
				reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…");
	}
}
