package com.example.food.order.inventory;

import java.util.List;
import java.util.UUID;

/**
 * The body of inventory's {@code POST /reservations}: reserve these lines, all or
 * nothing, for this order.
 */
public record ReservationRequest(UUID orderId, List<Line> lines) {

	public record Line(String sku, int quantity) {

	}
}
