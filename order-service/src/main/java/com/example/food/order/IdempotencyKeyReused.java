package com.example.food.order;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * The Idempotency-Key came with a different request than the first time. Answering with the first
 * request's order would hide the client's mistake, placing a second order would defeat the key.
 */
public class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused() {
		super("This Idempotency-Key was already used with a different request. "
				+ "Send the same request to repeat it, or a new key for a new order.");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

	@Override
	public String type() {
		return "idempotency-key-reused";
	}

	@Override
	public String title() {
		return "Idempotency key reused";
	}
}
