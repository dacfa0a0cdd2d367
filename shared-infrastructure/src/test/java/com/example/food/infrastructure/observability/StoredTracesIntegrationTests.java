package com.example.food.infrastructure.observability;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timer's work continues the trace it was scheduled in, kept in trace_handoff under the
 * work's id.
 */
@InfrastructureTest
class StoredTracesIntegrationTests {

	@Autowired
	StoredTraces traces;

	@Autowired
	Tracer tracer;

	@Autowired
	JdbcClient jdbc;

	private final UUID ticket = UUID.randomUUID();

	@AfterEach
	void removeTheRowOfThisTest() {
		jdbc.sql("delete from trace_handoff where work_id = ?").param(ticket).update();
	}

	@Test
	void resumesTheTraceTheWorkWasScheduledIn() {
		Span scheduling = tracer.nextSpan().name("kitchen open ticket").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(scheduling)) {
			traces.remember(ticket);
		}
		finally {
			scheduling.end();
		}

		AtomicReference<String> resumedIn = new AtomicReference<>();
		traces.resume(ticket, "kitchen prepare meal", UUID.randomUUID(),
				() -> resumedIn.set(tracer.currentSpan().context().traceId()));

		assertThat(traces.of(ticket)).contains(scheduling.context().traceId());
		assertThat(resumedIn).hasValue(scheduling.context().traceId());
	}

	@Test
	void remembersNothingOutsideATrace() {
		traces.remember(ticket);

		assertThat(traces.of(ticket)).isNull();
	}

}
