package com.example.food.events;

import java.math.BigDecimal;
import java.util.UUID;

public record PaymentRefunded(UUID paymentId, BigDecimal amount) implements FoodEvent {

	public PaymentRefunded {
		Require.present(paymentId, "paymentId");
		Require.notNegative(amount, "amount");
	}
}
