package com.example.food.payment;

import com.example.food.payment.gateway.GatewayOperation;

/**
 * What a payment made of a fact that asks something of its money (ticket.accepted,
 * order.cancelled).
 */
sealed interface Reaction {

	/**
	 * An intent is recorded: the gateway is called once the handler's transaction has
	 * committed.
	 */
	record Requested(GatewayOperation operation) implements Reaction {

	}

	/**
	 * Another operation is pending: this is remembered, and asked for once that one's
	 * answer is recorded.
	 */
	record Remembered(FollowUp followUp, GatewayOperation pending) implements Reaction {

	}

	/** Nothing to do, on purpose; {@code why} goes into the log. */
	record Ignored(String why) implements Reaction {

	}

}
