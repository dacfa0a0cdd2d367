package com.example.food.infrastructure.observability;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trace of work that continues later, on another thread: a ticket's meal timer, a
 * delivery's timer, a payment's gateway call. The use case that schedules the work
 * {@link #remember}s the current trace under the id of what the work is about, in its own
 * transaction; the timer or worker {@link #resume}s it, so that one order's saga stays
 * one trace. Kept in a table of its own ({@code trace_handoff}): the entities carry no
 * tracing state, and the retention job deletes old rows.
 */
public class StoredTraces {

	private final JdbcClient jdbc;

	private final TraceHandoff handoff;

	private final Clock clock;

	public StoredTraces(JdbcClient jdbc, TraceHandoff handoff, Clock clock) {
		this.jdbc = jdbc;
		this.handoff = handoff;
		this.clock = clock;
	}

	/**
	 * Remembers the current trace for the work on {@code workId}, replacing an earlier
	 * one; none outside a trace.
	 */
	public void remember(UUID workId) {
		String context = handoff.capture();
		if (context == null) {
			jdbc.sql("delete from trace_handoff where work_id = :workId").param("workId", workId).update();
			return;
		}
		jdbc.sql("""
				insert into trace_handoff (work_id, trace_context, handed_over_at) values (:workId, :context, :now)
				on conflict (work_id) do update set trace_context = excluded.trace_context,
					handed_over_at = excluded.handed_over_at
				""")
			.param("workId", workId)
			.param("context", context)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Runs a step of the work on {@code workId} in the trace remembered for it (a new
	 * trace if none is).
	 */
	public void resume(UUID workId, String step, UUID orderId, Runnable work) {
		handoff.resume(of(workId), step, orderId, work);
	}

	/**
	 * The trace remembered for the work on {@code workId}, as {@link TraceHandoff#resume}
	 * takes it; null if none is.
	 */
	public @Nullable String of(UUID workId) {
		return jdbc.sql("select trace_context from trace_handoff where work_id = :workId")
			.param("workId", workId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
