package com.example.food.payment.gateway;

/**
 * The gateway did not answer: to its caller, a failure like a timeout or a connection
 * reset. What it says nothing about is whether the operation happened; only a call with
 * the same idempotency key can find out.
 */
public class GatewayUnavailable extends RuntimeException {

	GatewayUnavailable(String message) {
		super(message);
	}

}
