package com.example.food.infrastructure.failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ErrorHandler;

/**
 * What the scheduler says when one of its tasks (a timer, a deadline check, a poller)
 * fails. A database outage fails every tick of every task, and each would print a stack
 * trace: instead, one warning, then one line a minute with how many ticks failed since,
 * while the outage lasts. The tasks lose nothing meanwhile (their work is rows in the
 * database) and do it at the first tick after the database is back. Any other failure is
 * unexpected and logged whole.
 */
public class ScheduledTaskFailures implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

	static final Duration QUIET = Duration.ofMinutes(1);

	private final Clock clock;

	private final AtomicInteger failedSinceLastLine = new AtomicInteger();

	private volatile Instant lastLine = Instant.MIN;

	public ScheduledTaskFailures(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void handleError(Throwable failure) {
		if (!InfrastructureFailures.isDatabaseUnreachable(failure)) {
			log.error("Unexpected error occurred in scheduled task", failure);
			return;
		}
		int failed = failedSinceLastLine.incrementAndGet();
		Instant now = clock.instant();
		if (Duration.between(lastLine, now).compareTo(QUIET) >= 0) {
			lastLine = now;
			failedSinceLastLine.set(0);
			log.warn(
					"Scheduled tasks cannot reach the database ({}); {} tick(s) failed so far, each runs again at its next "
							+ "tick and its work waits in the database",
					failure.getMessage(), failed);
		}
	}

}
