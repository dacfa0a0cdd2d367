package com.example.food.infrastructure.outbox;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.polling.Poller;

/**
 * The write side of the transactional outbox: where a service records the events its state change
 * causes. It only works inside the caller's transaction (MANDATORY), so the event is committed
 * together with the change or not at all: no event about a change that was rolled back, and no
 * change whose event is lost because the broker was down. Publishing is the relay's job: the
 * commit wakes it, so the event goes out within milliseconds, not at the relay's next poll.
 *
 * <p>The row also keeps the trace context of the writing transaction, so that the relay publishes
 * the event in the same trace (see {@link TraceHandoff}).
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final TraceHandoff tracing;

	private final Poller relay;

	public Outbox(JdbcClient jdbc, TraceHandoff tracing, Poller relay) {
		this.jdbc = jdbc;
		this.tracing = tracing;
		this.relay = relay;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void add(EventEnvelope event) {
		jdbc.sql("""
				insert into outbox_message (event_id, order_id, routing_key, payload, created_at, trace_context)
				values (:eventId, :orderId, :routingKey, :payload, :createdAt, :traceContext)
				""")
			.param("eventId", event.eventId())
			.param("orderId", event.orderId())
			.param("routingKey", event.type())
			.param("payload", EventJson.write(event))
			.param("createdAt", Timestamp.from(event.occurredAt()))
			.param("traceContext", tracing.capture())
			.update();
		relay.wakeAfterCommit();
	}
}
