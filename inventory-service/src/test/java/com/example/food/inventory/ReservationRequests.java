package com.example.food.inventory;

import java.util.UUID;

/** The JSON body of {@code POST /reservations}, as a client sends it. */
public final class ReservationRequests {

	private ReservationRequests() {
	}

	/** A reservation request; {@code skuAndQuantity} alternates SKU and quantity. */
	public static String reservation(UUID orderId, Object... skuAndQuantity) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < skuAndQuantity.length; i += 2) {
			lines.append(i == 0 ? "" : ", ")
				.append("{\"sku\": \"%s\", \"quantity\": %s}".formatted(skuAndQuantity[i], skuAndQuantity[i + 1]));
		}
		return """
				{"orderId": "%s", "lines": [%s]}""".formatted(orderId, lines);
	}

}
