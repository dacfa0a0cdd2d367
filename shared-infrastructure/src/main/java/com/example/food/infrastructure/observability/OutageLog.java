package com.example.food.infrastructure.observability;

import org.slf4j.Logger;

/**
 * What a poller says when the server it needs is down: one warning when the outage starts
 * and one line when it is over, not a stack trace at every tick. Its work is safe
 * meanwhile (rows in the database, events in the outbox) and is done at the first tick
 * after the server is back.
 *
 * <pre>{@code
 * private final OutageLog outage = new OutageLog(log, "Meal timer",
 *         "cannot reach the database ({}); due meals wait until it is back",
 *         "the database is reachable again; due meals are being prepared");
 *
 * try { prepareDueMeals(); outage.over(); }
 * catch (DataAccessException ex) { outage.during(ex); }
 * }</pre>
 */
public final class OutageLog {

	private final Logger log;

	private final String whenDown;

	private final String whenBack;

	private volatile boolean down;

	/**
	 * @param who the poller, as the log line starts ("Outbox relay")
	 * @param whenDown the warning when an outage starts; {@code {}} is replaced by the
	 * error's message
	 * @param whenBack the line when it is over
	 */
	public OutageLog(Logger log, String who, String whenDown, String whenBack) {
		this.log = log;
		this.whenDown = who + ": " + whenDown;
		this.whenBack = who + ": " + whenBack;
	}

	/**
	 * A tick failed because the server is down: warns if this is the first failure of an
	 * outage.
	 */
	public void during(Exception ex) {
		if (!down) {
			down = true;
			log.warn(whenDown, ex.getMessage());
		}
	}

	/** A tick went through: says the outage is over if there was one. */
	public void over() {
		if (down) {
			down = false;
			log.info(whenBack);
		}
	}

	/** Whether the last tick failed. */
	public boolean isDown() {
		return down;
	}

}
