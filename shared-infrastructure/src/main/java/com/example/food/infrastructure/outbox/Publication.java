package com.example.food.infrastructure.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.CorrelationData.Confirm;
import org.springframework.amqp.rabbit.core.RabbitOperations;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.OutboxClaims.ClaimedEvent;

/**
 * One claimed event on its way: the correlation its confirm (and a return) arrive on, and
 * the span that covers its publication. {@code correlation} is null when it was never
 * handed to the broker.
 */
record Publication(ClaimedEvent event, @Nullable CorrelationData correlation, @Nullable Span span) {

	/**
	 * Its lines are the relay's: one logger to follow (or silence) for everything the
	 * relay does.
	 */
	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/**
	 * Sends the event to the exchange, with its type as routing key, persistent,
	 * correlated by its id, inside its publication's span (whose context goes into the
	 * headers). Does not wait.
	 */
	static Publication send(ClaimedEvent event, RabbitOperations operations, TraceHandoff tracing) {
		CorrelationData correlation = new CorrelationData(event.eventId().toString());
		Message message = MessageBuilder.withBody(event.payload().getBytes(StandardCharsets.UTF_8))
			.setContentType("application/json")
			.setContentEncoding("utf-8")
			.setMessageId(event.eventId().toString())
			.setType(event.routingKey())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setHeader("x-order-id", event.orderId().toString())
			.build();
		Span span = tracing.startPublish(event.routingKey(), event.orderId(), event.traceContext(),
				message.getMessageProperties());
		try (Tracer.SpanInScope scope = tracing.inScope(span)) {
			operations.send(Messaging.EXCHANGE, event.routingKey(), message, correlation);
		}
		catch (AmqpException ex) {
			span.error(ex).end();
			throw ex;
		}
		return new Publication(event, correlation, span);
	}

	static Publication notSent(ClaimedEvent event) {
		return new Publication(event, null, null);
	}

	/**
	 * Waits for the confirms of a whole batch at once: a confirm that never comes costs
	 * one timeout, not one per row. The events still without an answer then are
	 * {@link Outcome#UNCONFIRMED}.
	 */
	static void awaitAll(List<Publication> publications, Duration timeout) {
		try {
			CompletableFuture.allOf(publications.stream().map(Publication::confirm).toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// the events still without an answer are settled as unconfirmed
		}
		catch (InterruptedException ex) {
			// shutting down: settled as they are, the unanswered ones as unconfirmed
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// not thrown: a confirm's future is only
			// ever completed with the broker's answer
		}
	}

	/** The confirm to wait for; an event never sent has nothing to wait for. */
	private CompletableFuture<?> confirm() {
		return correlation == null ? CompletableFuture.completedFuture(null) : correlation.getFuture();
	}

	/**
	 * What the broker said, as far as it has: read once the wait for the batch is over. A
	 * return is attached to its correlation before the confirm completes (correlated
	 * confirms), so a confirmed event without one was taken by a queue. Spring AMQP
	 * answers the confirms still pending when a channel closes with a nack of its own,
	 * which carries the reason it closed; the broker's own nack carries none.
	 */
	Outcome outcome() {
		if (correlation == null) {
			return Outcome.NOT_SENT;
		}
		Confirm confirm = correlation.getFuture().getNow(null);
		if (confirm == null) {
			return Outcome.UNCONFIRMED;
		}
		if (!confirm.ack()) {
			return confirm.reason() == null ? Outcome.REFUSED : Outcome.CUT_OFF;
		}
		return correlation.getReturned() == null ? Outcome.CONFIRMED : Outcome.RETURNED;
	}

	/**
	 * Ends the publication's span, with one log line, in its order's context and its
	 * span: INFO when it is sent, a warning the first time it fails on its own (then
	 * DEBUG: it is retried for as long as it takes), nothing when the broker was
	 * unreachable (the relay logs the outage once).
	 */
	void report(Outcome outcome, Duration confirmTimeout, TraceHandoff tracing) {
		if (span == null) {
			return; // never sent; a send that failed ended its span with the error
		}
		try (Tracer.SpanInScope scope = tracing.inScope(span)) {
			OrderLogContext.with(event.orderId(), () -> {
				switch (outcome) {
					case CONFIRMED ->
						log.info("Order {}: published {} {}", event.orderId(), event.routingKey(), event.eventId());
					// No queue is bound to this key yet (its consumer
					// has never started): kept, tried again.
					case RETURNED -> failed("was unroutable (no queue bound to it yet)");
					case REFUSED -> failed("was refused by the broker (a queue full, or an error of the broker)");
					case UNCONFIRMED -> failed("was not confirmed within " + confirmTimeout.toMillis() + " ms");
					case CUT_OFF -> span.event("the connection closed before the broker answered");
					case NOT_SENT -> span.event("not sent");
				}
			});
		}
		finally {
			span.end();
		}
	}

	private void failed(String what) {
		if (span != null) {
			span.event(what);
		}
		if (event.attempts() == 0) {
			log.warn("Order {}: {} {} {}; it stays in the outbox and is tried again later, waiting longer each time",
					event.orderId(), event.routingKey(), event.eventId(), what);
		}
		else {
			log.debug("Order {}: {} {} {} again (attempt {})", event.orderId(), event.routingKey(), event.eventId(),
					what, event.attempts() + 1);
		}
	}
}
