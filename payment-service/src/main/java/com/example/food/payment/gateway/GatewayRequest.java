package com.example.food.payment.gateway;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One call to the gateway.
 *
 * @param paymentToken the card, for AUTHORIZE only: the later operations name the hold by
 * its order
 */
public record GatewayRequest(GatewayOperation operation, UUID orderId, BigDecimal amount,
		@Nullable String paymentToken) {

	/**
	 * The idempotency key the call carries: order id and operation
	 * ({@link GatewayOperation#keyFor}).
	 */
	public String idempotencyKey() {
		return operation.keyFor(orderId);
	}
}
