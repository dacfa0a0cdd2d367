package com.example.food.infrastructure.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.CorrelationData.Confirm;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.infrastructure.observability.OutageLog;
import com.example.food.infrastructure.observability.TraceHandoff;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The read side of the transactional outbox: publishes what {@link Outbox} stored, and marks a row
 * sent only once the broker has confirmed it. If the broker is down, the rows wait and are
 * published when it is back: an outage delays events, it never loses them. A row may be published
 * twice (if the process dies between the confirm and the commit): consumers are idempotent.
 *
 * <p>Order: events of one order go out in the order they were written. Each poll takes only the
 * oldest unsent event of each order, and locks it ({@code FOR UPDATE SKIP LOCKED}): several
 * replicas of a service share the work without ever publishing one row twice at the same time,
 * or an order's second event before its first.
 *
 * <p>Tracing: each publication is a span ({@code order.placed publish}) in the trace of the
 * transaction that wrote the event, not of this relay's thread (see {@link TraceHandoff}).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final RabbitTemplate rabbit;

	private final TransactionTemplate transaction;

	private final MessagingProperties.Relay settings;

	private final TraceHandoff tracing;

	private final OutageLog outage = new OutageLog(log, "Outbox relay",
			"cannot publish ({}); events wait in the outbox until the broker is back",
			"the broker is reachable again; publishing resumed");

	public OutboxRelay(JdbcClient jdbc, RabbitTemplate rabbit, TransactionTemplate transaction,
			MessagingProperties properties, TraceHandoff tracing) {
		this.jdbc = jdbc;
		this.rabbit = rabbit;
		this.transaction = transaction;
		this.settings = properties.relay();
		this.tracing = tracing;
	}

	record Pending(long id, UUID eventId, UUID orderId, String routingKey, String payload, int attempts,
			@Nullable String traceContext) {
	}

	/** One event on its way: the message sent, the confirm awaited, and the span that covers both. */
	private record Publication(Pending row, CorrelationData correlation, Span span) {
	}

	/** The wait before an unroutable event is tried again: 1 s, 2 s, 4 s, ... at most a minute. */
	static Duration unroutableBackoff(int attempts) {
		return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempts, 6)));
	}

	@Scheduled(fixedDelayString = "${food.messaging.relay.interval:200ms}")
	public void relay() {
		try {
			int sent;
			do {
				sent = publishBatch();
			}
			while (sent == settings.batchSize());
			outage.over();
		}
		catch (AmqpException ex) {
			// The rows are safe and go out at the first poll after the broker is back.
			outage.during(ex);
		}
	}

	/** Publishes one batch in one transaction; returns how many rows it marked sent. */
	int publishBatch() {
		Integer sent = transaction.execute(status -> {
			List<Pending> pending = jdbc.sql("""
					select id, event_id, order_id, routing_key, payload, attempts, trace_context from outbox_message m
					where sent_at is null
					  and (next_attempt_at is null or next_attempt_at <= now())
					  and not exists (select 1 from outbox_message earlier
					                  where earlier.order_id = m.order_id and earlier.sent_at is null and earlier.id < m.id)
					order by id
					limit :batch
					for update skip locked
					""").param("batch", settings.batchSize()).query(Pending.class).list();
			if (pending.isEmpty()) {
				return 0;
			}
			// Publish the whole batch, then wait for each confirm. Mandatory publishing
			// (spring.rabbitmq.template.mandatory) makes the broker return what no queue takes
			// instead of dropping it; a return is attached to its correlation before its confirm.
			List<Publication> publications = new ArrayList<>();
			List<Long> confirmed = new ArrayList<>();
			try {
				for (Pending row : pending) {
					publications.add(publish(row));
				}
				for (Publication publication : publications) {
					if (confirmedAndRouted(publication.row(), publication.correlation())) {
						confirmed.add(publication.row().id());
					}
					else {
						publication.span().event("returned: no queue bound yet");
					}
				}
			}
			catch (AmqpException ex) {
				// The whole batch rolls back and is published again later; the spans of this attempt
				// (also of the rows sent before a send failed) end here, marked with the error.
				publications.forEach(publication -> publication.span().error(ex));
				throw ex;
			}
			finally {
				publications.forEach(publication -> publication.span().end());
			}
			if (!confirmed.isEmpty()) {
				jdbc.sql("update outbox_message set sent_at = :now where id in (:ids)")
					.param("now", Timestamp.from(Instant.now()))
					.param("ids", confirmed)
					.update();
			}
			publications.stream()
				.filter(publication -> confirmed.contains(publication.row().id()))
				.forEach(this::logPublished);
			pending.stream().filter(row -> !confirmed.contains(row.id())).forEach(this::postpone);
			return confirmed.size();
		});
		return sent == null ? 0 : sent;
	}

	private Publication publish(Pending row) {
		CorrelationData correlation = new CorrelationData(row.eventId().toString());
		Message message = message(row);
		Span span = tracing.startPublish(row.routingKey(), row.orderId(), row.traceContext(),
				message.getMessageProperties());
		try (Tracer.SpanInScope scope = tracing.inScope(span)) {
			rabbit.send(Messaging.EXCHANGE, row.routingKey(), message, correlation);
		}
		catch (AmqpException ex) {
			span.error(ex).end();
			throw ex;
		}
		return new Publication(row, correlation, span);
	}

	private void logPublished(Publication publication) {
		Pending row = publication.row();
		try (Tracer.SpanInScope scope = tracing.inScope(publication.span())) {
			OrderLogContext.with(row.orderId(),
					() -> log.info("Order {}: published {} {}", row.orderId(), row.routingKey(), row.eventId()));
		}
	}

	private void postpone(Pending row) {
		jdbc.sql("update outbox_message set attempts = attempts + 1, next_attempt_at = :next where id = :id")
			.param("next", Timestamp.from(Instant.now().plus(unroutableBackoff(row.attempts()))))
			.param("id", row.id())
			.update();
	}

	/** Waits for the broker's confirm; a nack or no answer fails the batch (rolled back, tried again). */
	private boolean confirmedAndRouted(Pending row, CorrelationData correlation) {
		Confirm confirm;
		try {
			confirm = correlation.getFuture().get(settings.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpException("interrupted while waiting for the broker's confirm", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AmqpException("no confirm from the broker for event " + row.eventId(), ex);
		}
		if (!confirm.ack()) {
			throw new AmqpException("the broker refused event " + row.eventId() + ": " + confirm.reason());
		}
		return !wasReturned(row, correlation);
	}

	private boolean wasReturned(Pending row, CorrelationData correlation) {
		if (correlation.getReturned() != null) {
			// No queue is bound to this key yet (its consumer has never started): keep it and try again.
			if (row.attempts() == 0) {
				log.warn("Order {}: {} was unroutable (no queue bound to it yet); it stays in the outbox and is retried "
						+ "later, waiting longer each time", row.orderId(), row.routingKey());
			}
			return true;
		}
		return false;
	}

	private static Message message(Pending row) {
		return MessageBuilder.withBody(row.payload().getBytes(StandardCharsets.UTF_8))
			.setContentType("application/json")
			.setContentEncoding("utf-8")
			.setMessageId(row.eventId().toString())
			.setType(row.routingKey())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setHeader("x-order-id", row.orderId().toString())
			.build();
	}
}
