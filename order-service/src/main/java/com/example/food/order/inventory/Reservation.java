package com.example.food.order.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Inventory's answer to a reservation (fields it adds, like {@code expiresAt}, are
 * ignored). A repeated request for the same order gets the reservation as stored, which
 * may since have been released or have expired: only {@code RESERVED} holds stock for a
 * new order.
 */
public record Reservation(UUID orderId, String status, List<Line> lines) {

	static final String RESERVED = "RESERVED";

	boolean holdsStock() {
		return RESERVED.equals(status);
	}

	/** A reserved line, priced by inventory. */
	public record Line(String sku, String name, int quantity, BigDecimal unitPrice) {

	}
}
