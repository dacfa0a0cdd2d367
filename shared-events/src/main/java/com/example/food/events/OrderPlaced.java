package com.example.food.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * Stock is reserved and the order saved; payment holds {@code total} with
 * {@code paymentToken}.
 */
public record OrderPlaced(String customerId, List<OrderLine> lines, BigDecimal total, DeliveryAddress deliveryAddress,
		String paymentToken) implements FoodEvent {

	public OrderPlaced {
		Require.present(customerId, "customerId");
		lines = Require.notEmpty(lines, "lines");
		Require.notNegative(total, "total");
		Require.present(deliveryAddress, "deliveryAddress");
		Require.present(paymentToken, "paymentToken");
	}
}
