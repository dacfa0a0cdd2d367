package com.example.food.infrastructure.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same dead-letter API on every service, behind the admin login (/admin/**). */
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

	@GetMapping
	List<Summary> list() {
		return administration.all().stream().map(Summary::of).toList();
	}

	@GetMapping("/{id}")
	DeadLetter inspect(@PathVariable UUID id) {
		return administration.find(id);
	}

	@PostMapping("/{id}/replay")
	ResponseEntity<Map<String, Object>> replay(@PathVariable UUID id) {
		DeadLetter letter = administration.replay(id);
		return ResponseEntity.accepted().body(Map.of("replayed", letter.id()));
	}

	@PostMapping("/replay")
	ResponseEntity<Map<String, Object>> replayAll() {
		return ResponseEntity.accepted().body(Map.of("replayed", administration.replayAll()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> discard(@PathVariable UUID id) {
		administration.discard(id);
		return ResponseEntity.noContent().build();
	}
}
