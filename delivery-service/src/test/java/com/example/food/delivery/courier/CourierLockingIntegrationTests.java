package com.example.food.delivery.courier;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.delivery.FastDeliveries;
import com.example.food.delivery.TestPool;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock that keeps two deliveries from getting one courier, with the interleaving
 * forced: one transaction holds a courier while another looks for one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@FastDeliveries
class CourierLockingIntegrationTests {

	@Autowired
	Couriers couriers;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startWithTheWholePoolAvailable() {
		TestPool.on(jdbc).awaitIdleAndRefill();
	}

	@Test
	void passesOverACourierAnotherTransactionIsTakingInsteadOfWaiting() throws Exception {
		CountDownLatch taken = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
			String id = couriers.lockFirstAvailable().orElseThrow().id();
			taken.countDown();
			await(release);
			return id;
		}));
		assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

		Optional<String> second = transaction.execute(status -> couriers.lockFirstAvailable().map(Courier::id));
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("courier-1");
		assertThat(second).contains("courier-2");
	}

	@Test
	void findsNoCourierWhenTheOnlyFreeOneIsBeingTaken() throws Exception {
		jdbc.sql("update courier set on_duty = (id = 'courier-3')").update();
		CountDownLatch taken = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
			String id = couriers.lockFirstAvailable().orElseThrow().id();
			taken.countDown();
			await(release);
			return id;
		}));
		assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		Optional<Courier> second = transaction.execute(status -> couriers.lockFirstAvailable());
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("courier-3");
		assertThat(second).as("the courier being taken is not offered twice").isEmpty();
		assertThat(waited).as("and not waited for").isLessThan(Duration.ofSeconds(2));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
