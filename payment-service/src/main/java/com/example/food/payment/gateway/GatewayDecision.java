package com.example.food.payment.gateway;

/** What the gateway answered to one operation. */
public sealed interface GatewayDecision {

	record Approved() implements GatewayDecision {

	}

	/**
	 * The card was refused.
	 *
	 * @param reason said to the customer, e.g. "card declined"
	 */
	record Declined(String reason) implements GatewayDecision {

	}

}
