package com.example.food.payment.gateway;

import java.util.Locale;
import java.util.UUID;

/** What payment can ask of the gateway about an order's money. */
public enum GatewayOperation {

	/** Hold the amount on the card: nothing is taken yet. */
	AUTHORIZE,

	/** Take the amount held. */
	CAPTURE,

	/** Release the hold: nothing was taken, nothing will be. */
	VOID,

	/** Give back an amount that was taken. */
	REFUND;

	/**
	 * The idempotency key of this operation on the order's payment, e.g.
	 * {@code "<order id>:capture"}. Each operation happens at most once per order, so the
	 * key names it for good: a call repeated with it (after a timeout, a crash, by a
	 * second worker) gets the first call's answer.
	 */
	public String keyFor(UUID orderId) {
		return orderId + ":" + name().toLowerCase(Locale.ROOT);
	}

}
