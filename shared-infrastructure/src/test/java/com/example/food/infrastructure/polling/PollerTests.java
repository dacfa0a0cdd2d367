package com.example.food.infrastructure.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The poller on its own thread, with a poll interval of an hour: every run after the
 * first one (at start) is one a wake-up caused.
 */
class PollerTests {

	private static final Duration AN_HOUR = Duration.ofHours(1);

	private final BlockingQueue<Long> runs = new LinkedBlockingQueue<>();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private Poller poller = new Poller("test-poller", AN_HOUR, () -> runs.add(System.nanoTime()), failures::add);

	@AfterEach
	void stop() {
		poller.stop();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void runsOnceAtStartThenOnlyWhenWokenBeforeItsInterval() throws InterruptedException {
		poller.start();
		assertThat(runs.poll(5, TimeUnit.SECONDS)).as("the run at start").isNotNull();
		assertThat(runs.poll(300, TimeUnit.MILLISECONDS)).as("no run before the interval is up").isNull();

		poller.wakeAfterCommit();

		assertThat(runs.poll(5, TimeUnit.SECONDS)).as("the run a wake-up with no transaction causes").isNotNull();
	}

	@Test
	void aWakeUpInATransactionRunsThePollAfterTheCommitAndNeverAfterARollback() throws InterruptedException {
		poller.start();
		runs.poll(5, TimeUnit.SECONDS);

		TransactionSynchronizationManager.initSynchronization();
		poller.wakeAfterCommit();
		assertThat(runs.poll(300, TimeUnit.MILLISECONDS)).as("nothing before the commit").isNull();
		List<TransactionSynchronization> rolledBack = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationUtils.invokeAfterCompletion(rolledBack,
				TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(runs.poll(300, TimeUnit.MILLISECONDS)).as("nothing after a rollback").isNull();

		TransactionSynchronizationManager.initSynchronization();
		poller.wakeAfterCommit();
		List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationUtils.invokeAfterCommit(committed);
		assertThat(runs.poll(5, TimeUnit.SECONDS)).as("the run after the commit").isNotNull();
	}

	@Test
	void aWakeUpWithADelayRunsThePollWhenItIsDueAndOneLongerThanTheIntervalIsLeftToThePoll()
			throws InterruptedException {
		poller = new Poller("test-poller", Duration.ofSeconds(2), () -> runs.add(System.nanoTime()), failures::add);
		poller.start();
		runs.poll(5, TimeUnit.SECONDS);

		long wokenAt = System.nanoTime();
		poller.wakeAfterCommit(Duration.ofMillis(400));
		poller.wakeAfterCommit(Duration.ofMinutes(5));
		Long ranAt = runs.poll(5, TimeUnit.SECONDS);

		assertThat(ranAt).isNotNull();
		assertThat(Duration.ofNanos(ranAt - wokenAt)).as("not before it is due")
			.isGreaterThanOrEqualTo(Duration.ofMillis(400))
			.as("well before the 2 s poll")
			.isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void wakeUpsDuringARunMakeExactlyOneMoreRun() throws InterruptedException {
		CountDownLatch inFirstWokenRun = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		poller = new Poller("test-poller", AN_HOUR, () -> {
			boolean first = runs.size() == 1;
			runs.add(System.nanoTime());
			if (first) {
				inFirstWokenRun.countDown();
				await(release);
			}
		}, failures::add);
		poller.start();
		runs.poll(5, TimeUnit.SECONDS); // the start's run; the queue is empty again
		runs.add(0L); // marks the next run as the first woken one

		poller.wakeAfterCommit();
		assertThat(inFirstWokenRun.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 10; i++) {
			poller.wakeAfterCommit();
		}
		release.countDown();

		Thread.sleep(500);
		assertThat(runs).as("the marker, the woken run, and one more for the ten wake-ups during it").hasSize(3);
	}

	@Test
	void aFailingRunGoesToTheErrorHandlerAndThePollerGoesOn() throws InterruptedException {
		BlockingQueue<Throwable> handled = new LinkedBlockingQueue<>();
		poller = new Poller("test-poller", AN_HOUR, () -> {
			throw new IllegalStateException("the database is away");
		}, handled::add);
		poller.start();
		assertThat(handled.poll(5, TimeUnit.SECONDS)).as("the first run's failure")
			.isInstanceOf(IllegalStateException.class);

		poller.wakeAfterCommit();

		assertThat(handled.poll(5, TimeUnit.SECONDS)).as("it runs again after a failure")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void stopWaitsForTheRunInProgressRunsOnceMoreAndEndsTheThread() throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		poller = new Poller("test-poller", AN_HOUR, () -> {
			running.countDown();
			sleep(300);
			runs.add(System.nanoTime());
		}, failures::add);
		poller.start();
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

		poller.stop();

		assertThat(runs).as("the run in progress finished, then the last one, for the last commits' wake-ups")
			.hasSize(2);
		assertThat(poller.isRunning()).isFalse();
		runs.clear();
		poller.wakeAfterCommit();
		assertThat(runs.poll(300, TimeUnit.MILLISECONDS)).as("no run once stopped").isNull();
	}

	@Test
	void refusesAnIntervalThatIsNotPositive() {
		assertThatThrownBy(() -> new Poller("test-poller", Duration.ZERO, () -> {
		}, failures::add)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
