package com.example.food.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The stock held for one order, exactly as stored: the API answers with it, the first
 * time and on every repeat. A tombstone (RELEASED before anything was reserved) has no
 * lines.
 */
public record Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines, Instant createdAt,
		Instant expiresAt) {

	Reservation withLines(List<ReservationLine> lines) {
		return new Reservation(orderId, status, lines, createdAt, expiresAt);
	}

	/**
	 * Whether a request for these quantities per SKU is the one this reservation was made
	 * for.
	 */
	boolean madeFor(Map<String, Integer> quantities) {
		return quantities
			.equals(lines.stream().collect(Collectors.toMap(ReservationLine::sku, ReservationLine::quantity)));
	}

	/**
	 * Released before anything was reserved: whatever is asked for this order later gets
	 * this answer.
	 */
	boolean isTombstone() {
		return lines.isEmpty();
	}
}
