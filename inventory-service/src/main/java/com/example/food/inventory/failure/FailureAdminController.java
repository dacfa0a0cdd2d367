package com.example.food.inventory.failure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns the failure switch on and off (under /admin: HTTP Basic, see
 * AdminSecurityConfiguration).
 */
@Tag(name = "Failure switch (admin)",
		description = "Make POST /reservations slow, failing or losing its answer, to "
				+ "watch order-service's timeouts, retries and circuit breaker")
@RestController
@RequestMapping("/admin/failures")
class FailureAdminController {

	/**
	 * The new settings, replacing all of the old ones; a setting left out is 0 (off), so
	 * that {@code {"failNext": 2}} means exactly that. Latency is capped at a minute:
	 * longer only ties up request threads.
	 */
	record FailureSettings(@Nullable @PositiveOrZero @Max(60_000) Long latencyMs,
			@Nullable @PositiveOrZero Integer failNext,
			@Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double errorRate,
			@Nullable @PositiveOrZero Integer loseNextResponses) {

		Failures toFailures() {
			return new Failures(latencyMs == null ? 0 : latencyMs, failNext == null ? 0 : failNext,
					errorRate == null ? 0.0 : errorRate, loseNextResponses == null ? 0 : loseNextResponses);
		}
	}

	private final FailureSwitch failureSwitch;

	FailureAdminController(FailureSwitch failureSwitch) {
		this.failureSwitch = failureSwitch;
	}

	@Operation(summary = "The current settings")
	@GetMapping
	Failures current() {
		return failureSwitch.current();
	}

	@Operation(summary = "Replace the settings",
			description = "A setting left out is 0 (off): `{\"failNext\": 2}` "
					+ "fails the next two reservations and nothing else")
	@PutMapping
	Failures set(@Valid @RequestBody FailureSettings settings) {
		return failureSwitch.set(settings.toFailures());
	}

	@Operation(summary = "Switch every failure off")
	@DeleteMapping
	Failures reset() {
		return failureSwitch.set(Failures.NONE);
	}

}
