package com.example.food.payment.gateway;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The faults the simulated gateway is switched to; {@link #NONE} is a healthy gateway.
 *
 * @param delay each call waits this long before the gateway does anything: long enough,
 * and payment's wait for the answer times out while the gateway goes on and does the
 * operation
 * @param failNext the next n calls fail AFTER the ledger recorded them: the operation
 * happened, the answer is lost; the retry with the same key must find it and not do it
 * twice
 */
public record GatewayFaults(@Schema(type = "string", format = "duration", example = "PT2S") Duration delay,
		int failNext) {

	static final GatewayFaults NONE = new GatewayFaults(Duration.ZERO, 0);

	GatewayFaults oneFailureUsed() {
		return failNext > 0 ? new GatewayFaults(delay, failNext - 1) : this;
	}
}
