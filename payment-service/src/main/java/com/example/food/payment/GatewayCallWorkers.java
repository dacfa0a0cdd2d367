package com.example.food.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that make the gateway calls right after an intent commits: a few
 * ({@code food.payment.gateway-calls.workers}), with a bounded queue. A call they drop or
 * that fails before its outcome is recorded is not lost: its intent is safe in the
 * database, and {@link GatewayCallPoller} makes it.
 */
class GatewayCallWorkers {

	private static final Logger log = LoggerFactory.getLogger(GatewayCallWorkers.class);

	private final ThreadPoolExecutor pool;

	GatewayCallWorkers(int workers) {
		// Bounded: past a thousand waiting calls, a new one is dropped; its intent
		// is safe in the database and the poller makes the call a few seconds later.
		this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
				Thread.ofPlatform().name("gateway-call-", 1).daemon(true).factory(),
				(call, pool) -> log.warn("Gateway calls: no worker takes this call now (queue full, or shutting down); "
						+ "its intent is safe, the poller makes it once its lease has run out"));
	}

	/** Makes the call for this payment's intent on a worker, as soon as one is free. */
	void execute(UUID paymentId, Runnable call) {
		pool.execute(() -> {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				// The database, most likely: the intent is
				// safe there, and the poller repairs it.
				log.warn("Gateway call for payment {} failed before its outcome was recorded ({}); the intent "
						+ "stays pending and the poller repeats the call", paymentId, ex.toString());
			}
		});
	}

	/**
	 * Calls in flight get to finish, for at most {@code timeout}; those still queued stay
	 * pending intents for the next start.
	 */
	void shutdown(Duration timeout) throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
