package com.example.food.payment.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of the gateway's ledger: what it did, once, under one idempotency key.
 *
 * @param declineReason why it declined; null when approved
 */
public record LedgerEntry(String idempotencyKey, UUID orderId, GatewayOperation operation, BigDecimal amount,
		Outcome outcome, @Nullable String declineReason, Instant recordedAt) {

	public enum Outcome {

		APPROVED, DECLINED

	}

	/** The answer this entry gives to every call with its key. */
	GatewayDecision decision() {
		return switch (outcome) {
			case APPROVED -> new GatewayDecision.Approved();
			case DECLINED -> new GatewayDecision.Declined(declineReason == null ? "declined" : declineReason);
		};
	}
}
