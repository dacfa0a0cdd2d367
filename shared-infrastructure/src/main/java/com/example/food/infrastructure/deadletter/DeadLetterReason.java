package com.example.food.infrastructure.deadletter;

import com.example.food.events.InvalidEvent;

/**
 * Why a message ended in the dead-letter queue: the reasons this code gives. A dead
 * letter keeps its reason as text ({@link DeadLetter#reason()}), so that one written by
 * another version of a service, with a reason not listed here, is stored and read all the
 * same.
 */
public enum DeadLetterReason {

	/**
	 * It cannot be handled as it is (unparseable, unknown type or version, invalid):
	 * never retried.
	 */
	POISON,

	/** Its handler kept failing with a transient error until the retries were used up. */
	RETRIES_EXHAUSTED,

	/**
	 * The broker delivered it more often than the queue's delivery limit: its consumer
	 * kept dying on it.
	 */
	DELIVERY_LIMIT;

	public static final String HEADER = "x-food-dead-letter-reason";

	public static final String ATTEMPTS_HEADER = "x-food-attempts";

	/**
	 * Poison if an {@link InvalidEvent} is anywhere in the chain (the container wraps
	 * what a listener throws).
	 */
	public static DeadLetterReason of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidEvent) {
				return POISON;
			}
		}
		return RETRIES_EXHAUSTED;
	}

}
