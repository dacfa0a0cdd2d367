package com.example.food.infrastructure.failure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import com.example.food.infrastructure.observability.OutageLog;

/**
 * How a consumer outlasts an infrastructure failure without blaming the message: it keeps
 * the message (unacknowledged, so the broker counts no new delivery and gives it to no
 * one else) and tries the same work again, waiting longer each time, until it goes
 * through. Meanwhile the service reports itself not ready ({@code eventConsumption} in
 * the readiness group) and logs the outage once, when it starts, and once when it is
 * over.
 *
 * <ul>
 * <li>The database is unreachable ({@link InfrastructureFailures#isDatabaseUnreachable}):
 * waits 0.5 s, 1 s, 2 s, ... at most {@code maxWait}, for as long as the outage
 * lasts.</li>
 * <li>A conflict with a concurrent transaction
 * ({@link InfrastructureFailures#isConflict}): tried again after a few milliseconds, at
 * most {@value #CONFLICT_ATTEMPTS} times; a conflict that does not go away is then the
 * work's own failure.</li>
 * <li>Anything else is the work's own failure and is thrown at once: the listener's
 * bounded retries and then the dead-letter queue deal with it.</li>
 * </ul>
 *
 * When the service shuts down in the middle of an outage, the message is given back to
 * the queue ({@link ImmediateRequeueAmqpException}) for the next consumer instead of
 * being dead-lettered.
 */
public class OutagePause implements HealthIndicator, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutagePause.class);

	static final int CONFLICT_ATTEMPTS = 10;

	private final Duration firstWait;

	private final Duration maxWait;

	private final OutageLog outage = new OutageLog(log, "Event consumption",
			"paused, the database is unreachable ({}); messages stay in the queue and are handled when it is back",
			"the database answers again; event consumption resumed");

	/** How many consumers are waiting for the database right now. */
	private final AtomicInteger waiting = new AtomicInteger();

	private volatile boolean running;

	public OutagePause(Duration firstWait, Duration maxWait) {
		this.firstWait = firstWait;
		this.maxWait = maxWait;
	}

	/**
	 * Runs the work, waiting out the infrastructure's failures; throws only the work's
	 * own.
	 */
	public void run(Runnable work) {
		int outageAttempts = 0;
		int conflicts = 0;
		boolean counted = false;
		try {
			while (true) {
				try {
					work.run();
					if (counted) {
						outage.over();
					}
					return;
				}
				catch (RuntimeException ex) {
					if (InfrastructureFailures.isDatabaseUnreachable(ex)) {
						if (!counted) {
							counted = true;
							waiting.incrementAndGet();
						}
						outage.during(ex);
						sleep(backoff(outageAttempts++));
					}
					else if (InfrastructureFailures.isConflict(ex) && ++conflicts < CONFLICT_ATTEMPTS) {
						log.debug("Conflict with a concurrent transaction, trying again: {}", ex.getMessage());
						sleep(Duration.ofMillis(10L * conflicts));
					}
					else {
						throw ex;
					}
				}
			}
		}
		finally {
			if (counted) {
				waiting.decrementAndGet();
			}
		}
	}

	/**
	 * Waits as long as before the next try of an outage after {@code failures} failed
	 * tries, for a consumer that holds its message through a failure of another kind (the
	 * dead-letter intake, whose messages have nowhere else to go). Like every wait here,
	 * a shutdown ends it by giving the message back to its queue
	 * ({@link ImmediateRequeueAmqpException}).
	 */
	public void waitBeforeRetry(int failures) {
		sleep(backoff(failures));
	}

	/**
	 * The wait before the next try during an outage: doubling from {@code firstWait}, at
	 * most {@code maxWait}.
	 */
	Duration backoff(int attempt) {
		long millis = firstWait.toMillis() << Math.min(attempt, 20);
		return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
	}

	private void sleep(Duration wait) {
		long until = System.nanoTime() + wait.toNanos();
		try {
			// In short steps, so that a shutdown is noticed within a tenth of a second.
			while (running && System.nanoTime() < until) {
				TimeUnit.MILLISECONDS.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
		if (!running) {
			throw new ImmediateRequeueAmqpException(
					"shutting down while the database is unreachable; the message goes back to its queue");
		}
	}

	/**
	 * DOWN while a consumer waits for the database: the service cannot do its work now.
	 */
	@Override
	public Health health() {
		int count = waiting.get();
		return count == 0 ? Health.up().build() : Health.down().withDetail("waitingForTheDatabase", count).build();
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Stops before the listener containers (a higher phase stops first), so that they can
	 * finish.
	 */
	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
