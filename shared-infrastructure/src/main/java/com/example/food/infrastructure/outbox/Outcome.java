package com.example.food.infrastructure.outbox;

/**
 * What became of one claimed outbox row, and so what {@link OutboxClaims#settle} does
 * with it. Each row of a batch has its own: one refused event does not undo the others'
 * confirms.
 */
enum Outcome {

	/** The broker confirmed it and a queue took it: marked sent. */
	CONFIRMED,

	/**
	 * The broker confirmed it, but no queue is bound to its routing key (the consumer has
	 * never started), so it came back (mandatory): tried again later, waiting longer each
	 * time.
	 */
	RETURNED,

	/**
	 * The broker refused it (a nack: a queue full that rejects new messages, an internal
	 * error): tried again later, waiting longer each time.
	 */
	REFUSED,

	/**
	 * No answer within the confirm timeout: tried again later, waiting longer each time.
	 * It may have arrived, so it may arrive twice; the consumers are idempotent.
	 */
	UNCONFIRMED,

	/**
	 * Handed to the broker, but the connection closed before the broker answered: the
	 * broker is unreachable, which says nothing about the event. Released without a
	 * penalty, so that it goes out at the first poll after the broker is back.
	 */
	CUT_OFF,

	/**
	 * Never handed to the broker: sending failed (the broker is unreachable), or the
	 * lease was running out before its turn. Released without a penalty, and its
	 * publication not counted.
	 */
	NOT_SENT;

	/**
	 * A failure of this event's own, which waits before the next try ({@code attempts},
	 * {@code next_attempt_at}).
	 */
	boolean postpones() {
		return this == RETURNED || this == REFUSED || this == UNCONFIRMED;
	}

}
