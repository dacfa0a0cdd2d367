package com.example.food.order.idempotency;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * The Idempotency-Key came with a different request than the first time. Answering with
 * the first request's order would hide the client's mistake, placing a second order would
 * defeat the key.
 */
public class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used with a different request. "
						+ "Send the same request to repeat it, or a new key for a new order.");
	}

}
