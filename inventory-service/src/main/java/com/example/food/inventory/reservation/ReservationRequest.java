package com.example.food.inventory.reservation;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /reservations}: the order id the reservation is for (and idempotent on),
 * and what to reserve. The bounds keep any sum within an integer; a real order is far
 * below them.
 */
record ReservationRequest(@NotNull UUID orderId, @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines) {

	record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(1_000) Integer quantity) {
	}

	/**
	 * The quantity per SKU, in SKU order; a SKU named on several lines is reserved once,
	 * for their sum.
	 */
	SortedMap<String, Integer> quantitiesBySku() {
		SortedMap<String, Integer> quantities = new TreeMap<>();
		lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
		return quantities;
	}
}
