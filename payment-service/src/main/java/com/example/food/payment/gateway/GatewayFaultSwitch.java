package com.example.food.payment.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A switch for teaching and tests: makes the simulated gateway slow, or lose its answers
 * (set through {@code /admin/gateway/faults}). Kept in this process's memory: reset by a
 * restart, one per replica.
 */
@Component
class GatewayFaultSwitch {

	private static final Logger log = LoggerFactory.getLogger(GatewayFaultSwitch.class);

	private final AtomicReference<GatewayFaults> faults = new AtomicReference<>(GatewayFaults.NONE);

	GatewayFaults current() {
		return faults.get();
	}

	GatewayFaults set(GatewayFaults next) {
		faults.set(next);
		log.info("Gateway faults set: delay {}, the next {} call(s) fail after recording", next.delay(),
				next.failNext());
		return next;
	}

	/** Before the gateway does anything: a slow gateway, as switched on. */
	void delay() {
		Duration delay = faults.get().delay();
		if (delay.isPositive()) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				// Shutting down: go on now rather than keep the thread.
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Whether this call loses its answer; getAndUpdate, so that of two calls exactly one
	 * uses up the last failure.
	 */
	boolean failThisCall() {
		return faults.getAndUpdate(GatewayFaults::oneFailureUsed).failNext() > 0;
	}

}
