package com.example.food.infrastructure.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handler failure switch over HTTP, on every service that consumes events, e.g.
 * {@code PUT /admin/handler-failures {"routingKey": "order.placed", "transientFailures":
 * 2}}.
 */
@Tag(name = "Handler failures (admin)",
		description = "Make this service's next handlings of an event fail, to watch " + "retries and dead letters")
@RestController
@RequestMapping("/admin/handler-failures")
class HandlerFailureAdminController {

	private final HandlerFailureSwitch failures;

	HandlerFailureAdminController(HandlerFailureSwitch failures) {
		this.failures = failures;
	}

	@Operation(summary = "The current settings")
	@GetMapping
	HandlerFailureSwitch.Settings get() {
		return failures.settings();
	}

	@Operation(summary = "Replace the settings", description = "`transientFailures`: the next n handlings of "
			+ "`routingKey` fail and are retried; `poison`: the next one is dead-lettered at once. A member left "
			+ "out is off. Lives in this process's memory.")
	@PutMapping
	HandlerFailureSwitch.Settings set(@RequestBody HandlerFailureSwitch.Settings settings) {
		failures.set(settings);
		return failures.settings();
	}

	@Operation(summary = "Switch it off")
	@DeleteMapping
	HandlerFailureSwitch.Settings reset() {
		failures.set(HandlerFailureSwitch.Settings.OFF);
		return failures.settings();
	}

}
