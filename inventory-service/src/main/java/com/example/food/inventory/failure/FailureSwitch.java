package com.example.food.inventory.failure;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Injects the failures a remote call can meet into reservation requests: timing (slow),
 * crash (503) and the partial failure, where the work is done but the answer never
 * arrives in time.
 *
 * The settings live in this process's memory only: a teaching switch, reset by a restart,
 * and each replica has its own. Nothing here touches the database, so an injected 503 has
 * done nothing.
 */
@Component
public class FailureSwitch {

	private static final Logger log = LoggerFactory.getLogger(FailureSwitch.class);

	private final AtomicReference<Failures> failures = new AtomicReference<>(Failures.NONE);

	private final Duration lostResponseDelay;

	FailureSwitch(FailureProperties properties) {
		this.lostResponseDelay = properties.lostResponseDelay();
	}

	Failures current() {
		return failures.get();
	}

	Failures set(Failures settings) {
		failures.set(settings);
		log.info("Failure switch set: {}", settings);
		return settings;
	}

	/**
	 * Before a reservation is handled: a slow inventory, then a failing one, as switched
	 * on.
	 */
	public void beforeReservation(UUID orderId) {
		long latencyMs = failures.get().latencyMs();
		if (latencyMs > 0) {
			pause(Duration.ofMillis(latencyMs));
		}
		// getAndUpdate: of two concurrent requests,
		// exactly one uses up the last injected failure.
		Failures before = failures.getAndUpdate(Failures::oneFailureUsed);
		if (before.failNext() > 0 || ThreadLocalRandom.current().nextDouble() < before.errorRate()) {
			log.info("Failure switch: answering 503 to the reservation of order {}, reserving nothing", orderId);
			throw new InventoryFailureInjected();
		}
	}

	/**
	 * After a reservation committed: the answer is held back until the client has given
	 * up.
	 */
	public void afterReservationCommitted(UUID orderId) {
		if (failures.getAndUpdate(Failures::oneLostResponseUsed).loseNextResponses() > 0) {
			log.info("Failure switch: reservation of order {} is committed; holding its response back for {} ms",
					orderId, lostResponseDelay.toMillis());
			pause(lostResponseDelay);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			// Shutting down: answer now rather than keep the thread.
			Thread.currentThread().interrupt();
		}
	}

}
