package com.example.food.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Checks for the events' compact constructors. Failures are
 * {@link IllegalArgumentException}s whose message names the field, so that a rejected
 * message explains itself in a dead letter.
 */
final class Require {

	private Require() {
	}

	static <T> T present(@Nullable T value, String field) {
		if (value == null || value instanceof String text && text.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return value;
	}

	/**
	 * An unmodifiable copy; {@code List.copyOf} alone would fail on a null element
	 * without naming the field.
	 */
	static <T> List<T> list(@Nullable List<T> values, String field) {
		present(values, field);
		if (values.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException(field + " must not contain null");
		}
		return List.copyOf(values);
	}

	static <T> List<T> notEmpty(@Nullable List<T> values, String field) {
		List<T> copy = list(values, field);
		if (copy.isEmpty()) {
			throw new IllegalArgumentException(field + " must not be empty");
		}
		return copy;
	}

	static int positive(int value, String field) {
		if (value <= 0) {
			throw new IllegalArgumentException(field + " must be positive, was " + value);
		}
		return value;
	}

	static BigDecimal notNegative(@Nullable BigDecimal value, String field) {
		BigDecimal amount = present(value, field);
		if (amount.signum() < 0) {
			throw new IllegalArgumentException(field + " must not be negative, was " + amount.toPlainString());
		}
		return amount;
	}

}
