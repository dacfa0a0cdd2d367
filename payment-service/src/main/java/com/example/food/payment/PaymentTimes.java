package com.example.food.payment;

import java.time.Instant;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

import com.example.food.payment.gateway.GatewayOperation;

/**
 * When a payment came to be, last changed, and when its money moved: each step's time is
 * null until the gateway approved that step ({@code payment.created_at} and its
 * companions).
 */
@Embeddable
public record PaymentTimes(Instant createdAt, Instant updatedAt, @Nullable Instant authorizedAt,
		@Nullable Instant capturedAt, @Nullable Instant voidedAt, @Nullable Instant refundedAt) {

	static PaymentTimes createdAt(Instant now) {
		return new PaymentTimes(now, now, null, null, null, null);
	}

	/** Changed now, with no money moved. */
	PaymentTimes updated(Instant now) {
		return new PaymentTimes(createdAt, now, authorizedAt, capturedAt, voidedAt, refundedAt);
	}

	/** The gateway approved the operation now: the time of its step. */
	PaymentTimes approved(GatewayOperation operation, Instant now) {
		return switch (operation) {
			case AUTHORIZE -> new PaymentTimes(createdAt, now, now, capturedAt, voidedAt, refundedAt);
			case CAPTURE -> new PaymentTimes(createdAt, now, authorizedAt, now, voidedAt, refundedAt);
			case VOID -> new PaymentTimes(createdAt, now, authorizedAt, capturedAt, now, refundedAt);
			case REFUND -> new PaymentTimes(createdAt, now, authorizedAt, capturedAt, voidedAt, now);
		};
	}

}
