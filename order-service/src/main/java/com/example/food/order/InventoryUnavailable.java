package com.example.food.order;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * Inventory did not answer in time, kept failing, or its circuit breaker is open: the
 * order was cancelled (reason INVENTORY_UNAVAILABLE). A transient state, hence 503 with
 * Retry-After: the same request may well succeed later.
 */
public class InventoryUnavailable extends ProblemException {

	private final Duration retryAfter;

	InventoryUnavailable(UUID orderId, String reason, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "inventory-unavailable", "Inventory unavailable",
				detail(orderId, reason, retryAfter), Map.of("orderId", orderId));
		this.retryAfter = retryAfter;
	}

	private static String detail(UUID orderId, String reason, Duration retryAfter) {
		return "Inventory is unavailable (" + reason + "). Order " + orderId
				+ " was cancelled and nothing was charged; " + "retry in " + seconds(retryAfter)
				+ " s (the same Idempotency-Key may be sent again).";
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
		return headers;
	}

	// Retry-After counts whole seconds; rounding
	// up never invites a client back too early.
	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
