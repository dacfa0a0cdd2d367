package com.example.food.payment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.payment.FollowUp;
import com.example.food.payment.Payment;
import com.example.food.payment.PaymentStatus;
import com.example.food.payment.PaymentTimes;
import com.example.food.payment.gateway.GatewayOperation;

/**
 * A payment as the API shows it: where it stands, and where the money is. {@code held} is
 * the amount the gateway holds on the card (AUTHORIZED), {@code captured} what was taken,
 * {@code
 * refunded} what went back; each is null when there is none. {@code pendingOperation} is
 * the gateway operation asked for and not answered yet, {@code followUp} what will be
 * asked once it is. {@code reason} says why it was declined, voided, refunded or
 * cancelled before any payment; {@code amount} and {@code customerId} are null for such a
 * tombstone, since the order never told them. The payment token is not shown.
 */
record PaymentView(UUID id, UUID orderId, PaymentStatus status, @Nullable BigDecimal amount, @Nullable BigDecimal held,
		@Nullable BigDecimal captured, @Nullable BigDecimal refunded, @Nullable GatewayOperation pendingOperation,
		@Nullable FollowUp followUp, @Nullable String customerId, @Nullable String reason, Instant createdAt,
		Instant updatedAt, @Nullable Instant authorizedAt, @Nullable Instant capturedAt, @Nullable Instant voidedAt,
		@Nullable Instant refundedAt) {

	static PaymentView of(Payment payment) {
		BigDecimal amount = payment.amount();
		PaymentTimes times = payment.times();
		return new PaymentView(payment.id(), payment.orderId(), payment.status(), amount,
				payment.status() == PaymentStatus.AUTHORIZED ? amount : null,
				times.capturedAt() != null ? amount : null, times.refundedAt() != null ? amount : null,
				payment.pendingOperation(), payment.followUp(), payment.customerId(), payment.reason(),
				times.createdAt(), times.updatedAt(), times.authorizedAt(), times.capturedAt(), times.voidedAt(),
				times.refundedAt());
	}
}
