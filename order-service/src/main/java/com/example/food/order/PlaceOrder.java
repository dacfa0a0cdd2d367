package com.example.food.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.food.events.DeliveryAddress;

/**
 * What a customer asks for when placing an order, already validated at the edge.
 *
 * <p>
 * Lines naming the same SKU twice are merged into one line with the summed quantity:
 * inventory then reserves each SKU once, and the order shows one line per dish.
 */
public record PlaceOrder(String customerId, List<Line> lines, DeliveryAddress deliveryAddress, String paymentToken) {

	public PlaceOrder {
		lines = merged(lines);
	}

	public record Line(String sku, int quantity) {

	}

	private static List<Line> merged(List<Line> lines) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
		return quantities.entrySet().stream().map(entry -> new Line(entry.getKey(), entry.getValue())).toList();
	}
}
