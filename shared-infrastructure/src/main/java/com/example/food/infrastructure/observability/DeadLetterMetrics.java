package com.example.food.infrastructure.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@value #DEAD_LETTERS}{@code {queue=<service>.events.dlq}}: the messages this service
 * gave up on that still wait in its {@code dead_letter} table for an operator. A replay
 * or a discard deletes the row (DeadLetterAdministration), so every row is one still
 * waiting. Anything above zero asks for a look at {@code /admin/dead-letters}; in
 * Prometheus: {@code food_dead_letters}.
 *
 * <p>
 * Counted in the table, not in the queue: the dead-letter queue is emptied into the table
 * at once (DeadLetterIntake), so its depth is always about zero.
 */
public class DeadLetterMetrics implements MeterBinder {

	public static final String DEAD_LETTERS = "food.dead.letters";

	private final JdbcClient jdbc;

	private final String deadLetterQueue;

	public DeadLetterMetrics(JdbcClient jdbc, String deadLetterQueue) {
		this.jdbc = jdbc;
		this.deadLetterQueue = deadLetterQueue;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(DEAD_LETTERS, this, DeadLetterMetrics::waiting)
			.description("Dead letters stored and neither replayed nor discarded yet")
			.tag("queue", deadLetterQueue)
			.register(registry);
	}

	/** A count of a table that is empty when all is well; a few rows after a bad day. */
	double waiting() {
		return OutboxMetrics.read(() -> jdbc.sql("select count(*) from dead_letter").query(Long.class).single());
	}

}
