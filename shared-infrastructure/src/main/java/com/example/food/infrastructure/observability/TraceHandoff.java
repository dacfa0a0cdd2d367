package com.example.food.infrastructure.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.MessageProperties;

/**
 * Hands a trace over to work that happens later, on another thread: the outbox relay's
 * publish, a kitchen's meal timer, a courier's delivery. Without it, that work would
 * start a new trace and one order's saga would fall apart into pieces.
 *
 * <p>
 * When the work is recorded (an event written to the outbox, a ticket saved with its
 * timer), {@link #capture()} takes the trace context of the recording transaction, as the
 * W3C {@code traceparent} header it would travel in over HTTP, and it is stored with it:
 * in the outbox row, or for a timer's work under the id of what it is about
 * ({@link StoredTraces}). Later:
 * <ul>
 * <li>the relay calls {@link #startPublish}: a span named after the event
 * ({@code order.placed
 * publish}), child of the stored context, whose own context goes into the message
 * headers, where the consumer's listener picks it up;
 * <li>a timer calls {@link #resume}: a span named after the step
 * ({@code kitchen prepare meal}), child of the stored context, in scope while the step
 * runs (so that the events it writes carry it on).
 * </ul>
 */
public class TraceHandoff {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceHandoff(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The current trace context as propagation headers (JSON), or null outside any trace.
	 */
	public @Nullable String capture() {
		TraceContext current = tracer.currentTraceContext().context();
		if (current == null) {
			return null;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		propagator.inject(current, headers, Map::put);
		return headers.isEmpty() ? null : JSON.writeValueAsString(headers);
	}

	/**
	 * Starts the span of one event's publication, in the trace the event was written in
	 * (a new trace if it was written outside any), and writes its context into the
	 * message headers.
	 */
	public Span startPublish(String routingKey, UUID orderId, @Nullable String storedContext,
			MessageProperties message) {
		Span span = extract(storedContext).name(routingKey + " publish")
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.system", "rabbitmq")
			.tag("messaging.destination.name", routingKey)
			.tag("order.id", orderId.toString())
			.start();
		propagator.inject(span.context(), message, MessageProperties::setHeader);
		return span;
	}

	public Tracer.SpanInScope inScope(Span span) {
		return tracer.withSpan(span);
	}

	/**
	 * Runs a step that was scheduled earlier in the trace it was scheduled in: inside a
	 * span with this name, child of the stored context (a new trace if there is none).
	 */
	public void resume(@Nullable String storedContext, String step, UUID orderId, Runnable work) {
		Span span = extract(storedContext).name(step).tag("order.id", orderId.toString()).start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			OrderLogContext.with(orderId, work);
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private Span.Builder extract(@Nullable String storedContext) {
		Map<String, String> stored = storedContext == null ? Map.of() : JSON.readValue(storedContext, HEADERS);
		return propagator.extract(stored, Map::get);
	}

}
