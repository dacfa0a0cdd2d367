package com.example.food.events;

/**
 * A message that can never be processed, however often it is retried: unparseable, of an
 * unknown type or version, or with an invalid payload. Consumers send it straight to
 * their dead-letter queue; the message says why, for the operator who reads it there.
 */
public class InvalidEvent extends RuntimeException {

	public InvalidEvent(String message) {
		super(message);
	}

	public InvalidEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
