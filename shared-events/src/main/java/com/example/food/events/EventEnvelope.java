package com.example.food.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What travels on the wire: a {@link FoodEvent} with the facts every consumer needs to
 * route, deduplicate and correlate it.
 *
 * @param eventId the message's identity; consumers record it to process each event once
 * @param type the routing key, equal to {@code payload.type().routingKey()}
 * @param version the payload's schema version
 * @param occurredAt when the fact happened, not when it was published
 * @param orderId the saga's correlation id
 * @param causationId the event that caused this one, or null for a saga's first event
 * @param payload the fact itself
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, UUID orderId,
		@Nullable UUID causationId, FoodEvent payload) {

	public EventEnvelope {
		Require.present(eventId, "eventId");
		Require.present(type, "type");
		Require.positive(version, "version");
		Require.present(occurredAt, "occurredAt");
		Require.present(orderId, "orderId");
		Require.present(payload, "payload");
		if (!type.equals(payload.type().routingKey())) {
			throw new IllegalArgumentException(
					"type '" + type + "' does not match payload " + payload.getClass().getSimpleName());
		}
	}

	/** A new event about {@code orderId}, written in today's schema version. */
	public static EventEnvelope of(FoodEvent payload, UUID orderId, @Nullable UUID causationId) {
		EventType type = Require.present(payload, "payload").type();
		// Microseconds: what a PostgreSQL timestamp keeps,
		// so a stored and a parsed copy stay equal.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return new EventEnvelope(UUID.randomUUID(), type.routingKey(), type.version(), now, orderId, causationId,
				payload);
	}

	/** A saga's first event: nothing caused it but a request. */
	public static EventEnvelope of(FoodEvent payload, UUID orderId) {
		return of(payload, orderId, null);
	}

	/** The event this one caused, for the same order. */
	public EventEnvelope caused(FoodEvent next) {
		return of(next, orderId, eventId);
	}
}
