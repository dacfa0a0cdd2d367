package com.example.food.infrastructure.observability;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the outbox relay is behind: {@value #BACKLOG}, the events written and not yet
 * confirmed by the broker, and {@value #OLDEST_AGE} (seconds), how long the oldest of
 * them has waited. Both stay near zero while the broker is up; a broker outage, or an
 * event no queue takes, makes them climb, and they fall back once the relay catches up.
 * In Prometheus: {@code food_outbox_backlog} and {@code food_outbox_oldest_age_seconds}.
 *
 * <p>
 * Read from the {@code outbox_message} table at each scrape, with the relay's own partial
 * index on unsent rows: the questions cost as much as the backlog is long, not as the
 * table (which keeps sent rows for days).
 *
 * <p>
 * Beside them, the relay counts {@value #REPUBLISHED}: the events it handed to the broker
 * again (after a return, a refusal, a confirm that never came, or a relay that died
 * before it recorded the confirm), {@code food_outbox_republished_total} in Prometheus.
 * Each may reach its consumers twice; the {@code publications} column of a row says how
 * often it was handed over.
 */
public class OutboxMetrics implements MeterBinder {

	public static final String BACKLOG = "food.outbox.backlog";

	public static final String OLDEST_AGE = "food.outbox.oldest.age";

	/** A counter, registered by the outbox relay that increments it. */
	public static final String REPUBLISHED = "food.outbox.republished";

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private final JdbcClient jdbc;

	public OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(BACKLOG, this, OutboxMetrics::backlog)
			.description("Events in the outbox not yet confirmed by the broker")
			.register(registry);
		Gauge.builder(OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds)
			.description("How long the oldest unsent event of the outbox has waited (0 when none waits)")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * Unsent events: an index-only scan of the partial index
	 * {@code outbox_message_unsent_idx}.
	 */
	double backlog() {
		return read(
				() -> jdbc.sql("select count(*) from outbox_message where sent_at is null").query(Long.class).single());
	}

	/**
	 * The wait of the first unsent event (ids follow the order of writing): one entry of
	 * the same index. Measured against this process's clock, which also wrote
	 * {@code created_at}.
	 */
	double oldestAgeSeconds() {
		return read(() -> {
			Optional<Timestamp> oldest = jdbc
				.sql("select created_at from outbox_message where sent_at is null order by id limit 1")
				.query(Timestamp.class)
				.optional();
			return oldest
				.map(created -> Math.max(0, Duration.between(created.toInstant(), Instant.now()).toMillis() / 1000.0))
				.orElse(0.0);
		});
	}

	/**
	 * A scrape while the database is unreachable (or the pool already closed at shutdown)
	 * shows no value (NaN) rather than a failed scrape: the other metrics still tell what
	 * is going on.
	 */
	static double read(Query query) {
		try {
			return query.run().doubleValue();
		}
		catch (RuntimeException ex) {
			log.debug("Metric not read: {}", ex.getMessage());
			return Double.NaN;
		}
	}

	@FunctionalInterface
	interface Query {

		Number run();

	}

}
