package com.example.food.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payment calls the gateway ({@link GatewayCalls}).
 *
 * @param timeout how long a call waits for the answer; then it counts as failed, though
 * the gateway may still do the operation (the retry, with the same key, finds out)
 * @param firstRetry the pause before a failed call is tried again; it doubles with each
 * failure
 * @param maxRetry the longest pause between two tries: a gateway down for hours is tried
 * every so often
 * @param staleAfter an intent no worker has called after this long (its call after commit
 * was lost to a crash) is taken by the poller
 * @param workers threads that make the calls right after an intent is committed
 */
@ConfigurationProperties("food.payment.gateway-calls")
record GatewayCallProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("1s") Duration firstRetry,
		@DefaultValue("1m") Duration maxRetry, @DefaultValue("3s") Duration staleAfter,
		@DefaultValue("2") int workers) {

	/**
	 * The pause before the next try after {@code attempts} failed ones: 1 s, 2 s, 4 s,
	 * ... at most {@link #maxRetry}.
	 */
	Duration pauseAfter(int attempts) {
		int doublings = Math.clamp(attempts - 1, 0, 20);
		Duration pause = firstRetry.multipliedBy(1L << doublings);
		return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
	}

	/**
	 * How long a worker that took an intent has it to itself: the call times out before
	 * that.
	 */
	Duration lease() {
		return timeout.plus(firstRetry);
	}
}
