package com.example.food.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The order was cancelled before the amount held for it was taken: the hold is released,
 * nothing was paid.
 */
public record PaymentVoided(UUID paymentId, BigDecimal amount) implements FoodEvent {

	public PaymentVoided {
		Require.present(paymentId, "paymentId");
		Require.notNegative(amount, "amount");
	}
}
