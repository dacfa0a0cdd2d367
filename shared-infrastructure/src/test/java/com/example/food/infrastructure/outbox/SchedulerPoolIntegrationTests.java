package com.example.food.infrastructure.outbox;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled tasks of a service (deadline checks, repairs, the retention job) share
 * one pool: a task that takes long must not hold the others up. (The outbox relay and the
 * timers have threads of their own, see
 * {@link com.example.food.infrastructure.polling.Poller}.)
 */
@InfrastructureTest
class SchedulerPoolIntegrationTests {

	@Autowired
	ThreadPoolTaskScheduler scheduler;

	@Test
	void runsAnotherTaskWhileOneIsBusy() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch otherRan = new CountDownLatch(1);
		scheduler.execute(() -> {
			try {
				release.await(10, TimeUnit.SECONDS); // a long retention run, say
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			scheduler.execute(otherRan::countDown);

			assertThat(otherRan.await(5, TimeUnit.SECONDS)).as("ran beside the busy task").isTrue();
			assertThat(scheduler.getPoolSize()).isGreaterThanOrEqualTo(2);
		}
		finally {
			release.countDown();
		}
	}

}
