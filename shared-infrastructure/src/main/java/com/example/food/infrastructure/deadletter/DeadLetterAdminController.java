package com.example.food.infrastructure.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
@Tag(name = "Dead letters (admin)",
		description = "Messages this service could not handle: inspect, replay or " + "discard them")
@RestController
@RequestMapping("/admin/dead-letters")
public class DeadLetterAdminController {

	private final DeadLetterAdministration administration;

	public DeadLetterAdminController(DeadLetterAdministration administration) {
		this.administration = administration;
	}

	/**
	 * The list leaves the bodies out; {@code GET /admin/dead-letters/{id}} has
	 * everything.
	 */
	record Summary(UUID id, @Nullable String eventId, @Nullable String originalRoutingKey, String reason,
			@Nullable String exception, int attempts, Instant deadLetteredAt) {

		static Summary of(DeadLetter letter) {
			return new Summary(letter.id(), letter.eventId(), letter.originalRoutingKey(), letter.reason(),
					letter.exception(), letter.attempts(), letter.deadLetteredAt());
		}
	}

	/**
	 * One dead letter, all of it. The body is stored as bytes, whatever they are; JSON
	 * needs text, so it is shown as UTF-8 text when it is that (and holds no NUL, which
	 * many tools choke on), else as base64: {@code bodyEncoding} says which.
	 */
	record Details(UUID id, @Nullable String eventId, @Nullable String originalRoutingKey, String reason,
			@Nullable String exception, int attempts, String body, String bodyEncoding, @Nullable String contentType,
			Map<String, @Nullable Object> headers, Instant deadLetteredAt) {

		static final String UTF_8 = "utf-8";

		static final String BASE64 = "base64";

		static Details of(DeadLetter letter) {
			String text = utf8Text(letter.body());
			return new Details(letter.id(), letter.eventId(), letter.originalRoutingKey(), letter.reason(),
					letter.exception(), letter.attempts(),
					text != null ? text : Base64.getEncoder().encodeToString(letter.body()),
					text != null ? UTF_8 : BASE64, letter.contentType(), letter.headers(), letter.deadLetteredAt());
		}

		private static @Nullable String utf8Text(byte[] body) {
			try {
				String text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body))
					.toString();
				return text.indexOf('\0') < 0 ? text : null;
			}
			catch (CharacterCodingException ex) {
				return null;
			}
		}
	}

	@Operation(summary = "List the dead letters", description = "Oldest first, without their bodies; `reason` is "
			+ "`POISON`, `RETRIES_EXHAUSTED` or `DELIVERY_LIMIT` (or, as it is, a reason written by another version)")
	@GetMapping
	List<Summary> list() {
		return administration.all().stream().map(Summary::of).toList();
	}

	@Operation(summary = "One dead letter, with its body and headers",
			description = "`body` is UTF-8 text "
					+ "(`bodyEncoding`: `utf-8`) or, for bytes that are not text, base64 (`bodyEncoding`: `base64`)")
	@ApiResponse(responseCode = "200", description = "The dead letter")
	@ApiResponse(responseCode = "404", description = "`dead-letter-not-found`")
	@GetMapping("/{id}")
	Details inspect(@PathVariable UUID id) {
		return Details.of(administration.find(id));
	}

	@Operation(summary = "Replay one",
			description = "Publishes it back into this service's own queue, then removes "
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
