package com.example.food.infrastructure.polling;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ErrorHandler;

/**
 * Runs a poll on a thread of its own: at most {@code interval} after the last run ended,
 * and sooner when {@link #wakeAfterCommit woken}. The work is rows in the database
 * (outbox events, due timers); the transaction that writes a row wakes the poller once it
 * has committed, so the row moves on within milliseconds instead of waiting for the next
 * poll. The poll itself stays, for what no wake-up announces: rows written by another
 * replica, rows left by a crash or an outage, retries that fall due later.
 *
 * <p>
 * One run at a time: a wake-up during a run makes one more run right after it, however
 * many wake-ups came meanwhile. Whatever a run throws goes to the error handler (see
 * {@code ScheduledTaskFailures}), and the poller goes on.
 *
 * <p>
 * It stops late in the shutdown (phase 0, after the message listeners and the web
 * server), so that it still publishes what the last messages and requests wrote: a run in
 * progress is finished, and one more runs after it.
 */
public class Poller implements SmartLifecycle {

	private final String name;

	private final Duration interval;

	private final Runnable poll;

	private final ErrorHandler errors;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	/**
	 * When the pending wake-ups are due (System.nanoTime()), earliest first; guarded by
	 * lock.
	 */
	private final PriorityQueue<Long> wakeUps = new PriorityQueue<>();

	private volatile boolean running;

	private @Nullable Thread thread;

	public Poller(String name, Duration interval, Runnable poll, ErrorHandler errors) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(name + ": the poll interval must be positive, not " + interval);
		}
		this.name = name;
		this.interval = interval;
		this.poll = poll;
		this.errors = errors;
	}

	/**
	 * Wakes the poller {@code delay} from now, once the current transaction commits (at
	 * once if there is none; never if it rolls back). A delay longer than the interval is
	 * left to the poll.
	 */
	public void wakeAfterCommit(Duration delay) {
		if (delay.compareTo(interval) >= 0) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake(delay);
				}
			});
		}
		else {
			wake(delay);
		}
	}

	/** Wakes the poller once the current transaction commits. */
	public void wakeAfterCommit() {
		wakeAfterCommit(Duration.ZERO);
	}

	private void wake(Duration delay) {
		long at = System.nanoTime() + Math.max(0, delay.toNanos());
		lock.lock();
		try {
			wakeUps.add(at);
			changed.signal();
		}
		finally {
			lock.unlock();
		}
	}

	private void loop() {
		while (running) {
			runOnce();
			awaitNextRun();
		}
		// Stopping: one last run, for what the last commits before the stop woke it for.
		runOnce();
	}

	private void runOnce() {
		try {
			poll.run();
		}
		catch (RuntimeException ex) {
			errors.handleError(ex);
		}
	}

	/**
	 * Waits for the next run: the interval from now, or sooner if woken (a wake-up that
	 * came during the run is already due, so the poll runs again at once).
	 */
	private void awaitNextRun() {
		lock.lock();
		try {
			long pollAt = System.nanoTime() + interval.toNanos();
			while (running) {
				Long wakeAt = wakeUps.peek();
				long next = wakeAt != null && wakeAt - pollAt < 0 ? wakeAt : pollAt;
				long wait = next - System.nanoTime();
				if (wait <= 0) {
					break;
				}
				changed.awaitNanos(wait);
			}
			// The run about to start serves every wake-up
			// due by now; later ones stay pending.
			long now = System.nanoTime();
			while (!wakeUps.isEmpty() && wakeUps.peek() - now <= 0) {
				wakeUps.poll();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		lock.lock();
		try {
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		Thread current = thread;
		if (current != null) {
			try {
				current.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public String toString() {
		return "Poller " + name + " (every " + interval + ")";
	}

}
