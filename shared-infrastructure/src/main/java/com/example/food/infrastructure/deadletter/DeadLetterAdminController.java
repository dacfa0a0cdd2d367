package com.example.food.infrastructure.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same dead-letter API on every service, behind the admin login (/admin/**). */
@Tag(name = "Dead letters (admin)", description = "Messages this service could not handle: inspect, replay or "
		+ "discard them")
@RestController
@RequestMapping("/admin/dead-letters")
public class DeadLetterAdminController {

	private final DeadLetterAdministration administration;

	public DeadLetterAdminController(DeadLetterAdministration administration) {
		this.administration = administration;
	}

	/** The list leaves the bodies out; {@code GET /admin/dead-letters/{id}} has everything. */
	record Summary(UUID id, @Nullable String eventId, @Nullable String originalRoutingKey, DeadLetterReason reason,
			@Nullable String exception,
			int attempts, Instant deadLetteredAt) {

		static Summary of(DeadLetter letter) {
			return new Summary(letter.id(), letter.eventId(), letter.originalRoutingKey(), letter.reason(),
					letter.exception(), letter.attempts(), letter.deadLetteredAt());
		}
	}

	@Operation(summary = "List the dead letters", description = "Oldest first, without their bodies; `reason` is "
			+ "`POISON`, `RETRIES_EXHAUSTED` or `DELIVERY_LIMIT`")
	@GetMapping
	List<Summary> list() {
		return administration.all().stream().map(Summary::of).toList();
	}

	@Operation(summary = "One dead letter, with its body")
	@ApiResponse(responseCode = "200", description = "The dead letter")
	@ApiResponse(responseCode = "404", description = "`dead-letter-not-found`")
	@GetMapping("/{id}")
	DeadLetter inspect(@PathVariable UUID id) {
		return administration.find(id);
	}

	@Operation(summary = "Replay one", description = "Publishes it back into this service's own queue, then removes "
			+ "it; an event handled after all is ignored")
	@ApiResponse(responseCode = "202", description = "`{\"replayed\": \"<id>\"}`")
	@ApiResponse(responseCode = "404", description = "`dead-letter-not-found`")
	@PostMapping("/{id}/replay")
	ResponseEntity<Map<String, Object>> replay(@PathVariable UUID id) {
		DeadLetter letter = administration.replay(id);
		return ResponseEntity.accepted().body(Map.of("replayed", letter.id()));
	}

	@Operation(summary = "Replay all of them")
	@ApiResponse(responseCode = "202", description = "`{\"replayed\": <count>}`")
	@PostMapping("/replay")
	ResponseEntity<Map<String, Object>> replayAll() {
		return ResponseEntity.accepted().body(Map.of("replayed", administration.replayAll()));
	}

	@Operation(summary = "Discard one", description = "For a message that would only fail again")
	@ApiResponse(responseCode = "204", description = "Discarded")
	@ApiResponse(responseCode = "404", description = "`dead-letter-not-found`")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> discard(@PathVariable UUID id) {
		administration.discard(id);
		return ResponseEntity.noContent().build();
	}
}
