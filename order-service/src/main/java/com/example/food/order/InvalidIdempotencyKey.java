package com.example.food.order;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The Idempotency-Key header is blank or longer than a key may be. */
public class InvalidIdempotencyKey extends ProblemException {

	InvalidIdempotencyKey() {
		super("The Idempotency-Key header must have 1 to " + IdempotencyKeys.MAX_LENGTH
				+ " characters, e.g. a UUID made by the client for this one order.");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String type() {
		return "invalid-idempotency-key";
	}

	@Override
	public String title() {
		return "Invalid Idempotency-Key";
	}
}
