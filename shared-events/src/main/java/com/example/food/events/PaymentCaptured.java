package com.example.food.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The kitchen accepted the order, so the amount held for it was taken (captured at the
 * gateway).
 */
public record PaymentCaptured(UUID paymentId, BigDecimal amount) implements FoodEvent {

	public PaymentCaptured {
		Require.present(paymentId, "paymentId");
		Require.notNegative(amount, "amount");
	}
}
