package com.example.food.order.idempotency;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The Idempotency-Key header is blank or longer than a key may be. */
public class InvalidIdempotencyKey extends ProblemException {

	InvalidIdempotencyKey() {
		super(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
				"The Idempotency-Key header must have 1 to " + IdempotencyKeys.MAX_LENGTH
						+ " characters, e.g. a UUID made by the client for this one order.");
	}

}
