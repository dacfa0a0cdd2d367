package com.example.food.events;

/**
 * Names of the RabbitMQ topology every service agrees on: one topic exchange for all
 * events, one queue per consuming service, and a dead-letter exchange and queue beside
 * each.
 */
public final class Messaging {

	/**
	 * The durable topic exchange every event is published to, with its type as routing
	 * key.
	 */
	public static final String EXCHANGE = "food.events";

	/**
	 * Where a queue sends the messages it rejects; bound to each service's dead-letter
	 * queue.
	 */
	public static final String DEAD_LETTER_EXCHANGE = "food.events.dlx";

	private Messaging() {
	}

	/** {@code queueFor("payment")} is {@code payment.events}. */
	public static String queueFor(String service) {
		return Require.present(service, "service") + ".events";
	}

	/** {@code deadLetterQueueFor("payment")} is {@code payment.events.dlq}. */
	public static String deadLetterQueueFor(String service) {
		return queueFor(service) + ".dlq";
	}

}
