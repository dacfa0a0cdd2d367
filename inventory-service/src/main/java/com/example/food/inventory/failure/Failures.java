package com.example.food.inventory.failure;

/**
 * The failures the switch injects into reservation requests; all zero is a healthy
 * inventory.
 *
 * @param latencyMs wait this long before handling each reservation request
 * @param failNext answer the next N requests with 503, doing nothing
 * @param errorRate answer this fraction (0..1) of requests with 503 at random, doing
 * nothing
 * @param loseNextResponses reserve and commit for the next N requests, then hold the
 * answer back
 */
public record Failures(long latencyMs, int failNext, double errorRate, int loseNextResponses) {

	static final Failures NONE = new Failures(0, 0, 0.0, 0);

	Failures oneFailureUsed() {
		return failNext > 0 ? new Failures(latencyMs, failNext - 1, errorRate, loseNextResponses) : this;
	}

	Failures oneLostResponseUsed() {
		return loseNextResponses > 0 ? new Failures(latencyMs, failNext, errorRate, loseNextResponses - 1) : this;
	}
}
