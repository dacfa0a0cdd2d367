package com.example.food.payment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.payment.Payment;
import com.example.food.payment.PaymentStatus;

/**
 * A payment as the API shows it. {@code reason} says why it was declined, refunded or cancelled
 * before any charge; {@code amount} and {@code customerId} are null for such a tombstone, since the
 * order never told them. The payment token is not kept.
 */
record PaymentView(
		UUID id,
		UUID orderId,
		PaymentStatus status,
		@Nullable BigDecimal amount,
		@Nullable String customerId,
		@Nullable String reason,
		Instant createdAt,
		Instant updatedAt,
		@Nullable Instant refundedAt) {

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.id(), payment.orderId(), payment.status(), payment.amount(), payment.customerId(),
				payment.reason(), payment.createdAt(), payment.updatedAt(), payment.refundedAt());
	}
}
