package com.example.food.order;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * One line of an order. Name and unit price are copied from inventory's reservation when
 * the order is placed, so that a later price change on the menu leaves a placed order as
 * it was; they are null for an order that inventory never priced (rejected, or cancelled
 * for want of an answer).
 */
@Embeddable
public record OrderLine(String sku, @Nullable String name, int quantity, @Nullable BigDecimal unitPrice) {

	static OrderLine priced(String sku, String name, int quantity, BigDecimal unitPrice) {
		return new OrderLine(sku, name, quantity, unitPrice);
	}

	static OrderLine unpriced(String sku, int quantity) {
		return new OrderLine(sku, null, quantity, null);
	}

	boolean isPriced() {
		return name != null && unitPrice != null;
	}

	BigDecimal lineTotal() {
		return toEvent().lineTotal();
	}

	/** The line as the saga's events carry it; only a priced line has that form. */
	com.example.food.events.OrderLine toEvent() {
		if (name == null || unitPrice == null) {
			throw new IllegalStateException("line " + sku + " was never priced");
		}
		return new com.example.food.events.OrderLine(sku, name, quantity, unitPrice);
	}
}
