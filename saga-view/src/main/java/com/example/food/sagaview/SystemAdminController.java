package com.example.food.sagaview;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin proxy behind the saga view: the browser talks to order-service only (one
 * origin, no CORS), and order-service calls the other services' admin APIs with the
 * caller's own login. Under /admin, so the login is checked here first, and again by each
 * service.
 */
@RestController
@RequestMapping("/admin/system")
@Tag(name = "Saga view: admin proxy", description = "What the saga view asks of all five services through "
		+ "order-service, with the caller's admin login: every dead letter, replay, discard, the teaching switches")
class SystemAdminController {

	private final Services services;

	private final ServiceCalls calls;

	private final SystemDeadLetters deadLetters;

	SystemAdminController(Services services, ServiceCalls calls, SystemDeadLetters deadLetters) {
		this.services = services;
		this.calls = calls;
		this.deadLetters = deadLetters;
	}

	/**
	 * The dead letters of all five services, each tagged with its service; a service that
	 * is down shows as unreachable.
	 */
	@Operation(summary = "The dead letters of all five services, each tagged with its service")
	@GetMapping("/dead-letters")
	SystemDeadLetters.Overview deadLetters(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		return deadLetters.collect(authorization);
	}

	/**
	 * Replays one dead letter into its own service's queue; the service's answer (202, or
	 * its 404 problem) comes back.
	 */
	@Operation(summary = "Replay one dead letter at its service")
	@PostMapping("/dead-letters/{service}/{id}/replay")
	ResponseEntity<byte[]> replay(@PathVariable String service, @PathVariable UUID id,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		return calls
			.call(service, HttpMethod.POST, "/admin/dead-letters/{id}/replay", Map.of("id", id), authorization, null,
					null)
			.toResponse();
	}

	/** Discards one dead letter (204). */
	@Operation(summary = "Discard one dead letter at its service")
	@DeleteMapping("/dead-letters/{service}/{id}")
	ResponseEntity<byte[]> discard(@PathVariable String service, @PathVariable UUID id,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		return calls
			.call(service, HttpMethod.DELETE, "/admin/dead-letters/{id}", Map.of("id", id), authorization, null, null)
			.toResponse();
	}

	/**
	 * {@code /admin/system/kitchen/kitchen/unavailable-skus/LASAGNA} to
	 * {@code /admin/kitchen/unavailable-skus/LASAGNA} at kitchen, and so on: only the
	 * calls that {@link AdminCalls} allows.
	 */
	@Operation(
			summary = "Forward an allow-listed admin call (handler failures, unavailable dishes, couriers) to a service")
	@RequestMapping("/{service}/{*path}")
	ResponseEntity<byte[]> forward(@PathVariable String service, @PathVariable String path, HttpMethod method,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable MediaType contentType,
			@RequestBody(required = false) byte @Nullable [] body) {
		// An unknown service is named as such (404
		// unknown-service) before the allow-list is asked.
		services.url(service);
		AdminCalls.Target target = AdminCalls.resolve(service, method, path);
		return calls.call(service, method, target.path(), target.variables(), authorization, body, contentType)
			.toResponse();
	}

}
