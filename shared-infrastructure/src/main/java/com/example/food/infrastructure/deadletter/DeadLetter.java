package com.example.food.infrastructure.deadletter;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One message in the hospital: what it was, where it was going, and why it is here. */
public record DeadLetter(UUID id, @Nullable String eventId, @Nullable String originalRoutingKey, DeadLetterReason reason,
		@Nullable String exception, int attempts, String body, @Nullable String contentType, Instant deadLetteredAt) {

}
