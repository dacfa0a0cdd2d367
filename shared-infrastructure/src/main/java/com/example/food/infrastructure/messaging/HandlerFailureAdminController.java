package com.example.food.infrastructure.messaging;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handler failure switch over HTTP, on every service that consumes events, e.g.
 * {@code PUT /admin/handler-failures {"routingKey": "order.placed", "transientFailures": 2}}.
 */
@RestController
@RequestMapping("/admin/handler-failures")
class HandlerFailureAdminController {

	private final HandlerFailureSwitch failures;

	HandlerFailureAdminController(HandlerFailureSwitch failures) {
		this.failures = failures;
	}

	@GetMapping
	HandlerFailureSwitch.Settings get() {
		return failures.settings();
	}

	@PutMapping
	HandlerFailureSwitch.Settings set(@RequestBody HandlerFailureSwitch.Settings settings) {
		failures.set(settings);
		return failures.settings();
	}

	@DeleteMapping
	HandlerFailureSwitch.Settings reset() {
		failures.set(HandlerFailureSwitch.Settings.OFF);
		return failures.settings();
	}
}
