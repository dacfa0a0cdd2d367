package com.example.food.infrastructure.messaging;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.events.EventEnvelope;

/** The event ids a service has handled: the memory of the idempotent consumer. */
class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as processed, in the caller's transaction. False if it already
	 * was: then this delivery is a duplicate. A concurrent delivery of the same event
	 * waits here on the key until the first one commits, and then sees it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean markProcessed(EventEnvelope event) {
		return jdbc.sql("""
				insert into processed_event (event_id, routing_key, order_id, processed_at)
				values (:eventId, :routingKey, :orderId, :processedAt)
				on conflict (event_id) do nothing
				""")
			.param("eventId", event.eventId())
			.param("routingKey", event.type())
			.param("orderId", event.orderId())
			.param("processedAt", Timestamp.from(Instant.now()))
			.update() == 1;
	}

}
