package com.example.food.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The charge succeeded. Carries the lines and address on so the kitchen never calls the
 * order service.
 */
public record PaymentCompleted(UUID paymentId, BigDecimal amount, String customerId, List<OrderLine> lines,
		DeliveryAddress deliveryAddress) implements FoodEvent {

	public PaymentCompleted {
		Require.present(paymentId, "paymentId");
		Require.notNegative(amount, "amount");
		Require.present(customerId, "customerId");
		lines = Require.notEmpty(lines, "lines");
		Require.present(deliveryAddress, "deliveryAddress");
	}
}
