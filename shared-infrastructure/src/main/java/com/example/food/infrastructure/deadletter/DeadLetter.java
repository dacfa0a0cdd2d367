package com.example.food.infrastructure.deadletter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message in the hospital: what it was, where it was going, and why it is here.
 *
 * @param reason one of {@link DeadLetterReason}'s names when this code wrote it, but kept
 * as text: a message may carry a reason this version does not know (one written by a
 * newer service)
 * @param body the message's bytes exactly as they arrived, whatever they are (not
 * necessarily text)
 * @param headers every header the message arrived with, as plain JSON values (see
 * {@link DeadLetterHeaders}); empty for the dead letters stored before headers were kept
 */
public record DeadLetter(UUID id, @Nullable String eventId, @Nullable String originalRoutingKey, String reason,
		@Nullable String exception, int attempts, byte[] body, @Nullable String contentType,
		Map<String, @Nullable Object> headers, Instant deadLetteredAt) {

}
