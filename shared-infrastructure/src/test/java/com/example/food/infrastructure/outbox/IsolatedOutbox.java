package com.example.food.infrastructure.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.polling.Poller;

/**
 * An outbox of a test's own: a copy of the {@code outbox_message} table in a schema of
 * its own, and the {@link Outbox}, claims and relays that work on it, through a
 * connection pool of their own. The application's relays, polling the real table beside
 * the test, never see these rows, so a test sees exactly what its own relays did with
 * them.
 */
final class IsolatedOutbox implements AutoCloseable {

	private final JdbcClient application;

	private final String schema = "outbox_test_" + UUID.randomUUID().toString().substring(0, 8);

	private final HikariDataSource dataSource = new HikariDataSource();

	final JdbcClient jdbc;

	final TransactionTemplate transaction;

	private final Outbox outbox;

	private final TraceHandoff tracing = new TraceHandoff(Tracer.NOOP, Propagator.NOOP);

	IsolatedOutbox(JdbcClient application, JdbcConnectionDetails database) {
		this.application = application;
		application.sql("create schema " + schema).update();
		application.sql("create table " + schema + ".outbox_message (like public.outbox_message including all)")
			.update();
		String url = database.getJdbcUrl();
		dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		dataSource.setUsername(database.getUsername());
		dataSource.setPassword(database.getPassword());
		dataSource.setMaximumPoolSize(4);
		dataSource.setPoolName(schema);
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.outbox = outbox(null);
	}

	/**
	 * An outbox on this table handing its rows over to {@code relay}, or to none (every
	 * row is left to a claim). The tests run the relays themselves: the poller it would
	 * wake is never started.
	 */
	private Outbox outbox(@Nullable OutboxRelay relay) {
		return new Outbox(jdbc, tracing, relay, new Poller("isolated-relay", Duration.ofHours(1), () -> {
		}, failure -> {
		}));
	}

	/**
	 * Writes the events as a service would: in one transaction, through the
	 * {@link Outbox}; none handed over.
	 */
	void write(EventEnvelope... events) {
		write(outbox, events);
	}

	/**
	 * Writes the events in one transaction, as a service does: handed over to
	 * {@code relay} once committed.
	 */
	void writeHandingOver(OutboxRelay relay, EventEnvelope... events) {
		write(outbox(relay), events);
	}

	/**
	 * Writes the events through an outbox handing them over to {@code relay}, in a
	 * transaction rolled back.
	 */
	void writeAndRollBack(OutboxRelay relay, EventEnvelope... events) {
		Outbox handingOver = outbox(relay);
		transaction.executeWithoutResult(status -> {
			for (EventEnvelope event : events) {
				handingOver.add(event);
			}
			status.setRollbackOnly();
		});
	}

	private void write(Outbox through, EventEnvelope... events) {
		transaction.executeWithoutResult(status -> {
			for (EventEnvelope event : events) {
				through.add(event);
			}
		});
	}

	/**
	 * Gives a written event a routing key no queue takes: every event of the contract has
	 * its consumers' queues from the start (docs/adr/0006), so only a key outside it
	 * comes back.
	 */
	void unroutable(EventEnvelope event) {
		jdbc.sql("update outbox_message set routing_key = ? where event_id = ?")
			.params("test.nobody-listens", event.eventId())
			.update();
	}

	/** A relay on this outbox, publishing with {@code rabbit}. */
	OutboxRelay relay(RabbitTemplate rabbit, MessagingProperties.Relay settings, MeterRegistry meters) {
		return new OutboxRelay(claims(settings.lease()), rabbit, settings, tracing, meters);
	}

	OutboxClaims claims(Duration lease) {
		return new OutboxClaims(jdbc, transaction, lease);
	}

	/** The relay's columns of the event's row. */
	Map<String, Object> row(EventEnvelope event) {
		return jdbc.sql("""
				select sent_at, attempts, next_attempt_at, publications, claim_id, claimed_until
				from outbox_message where event_id = ?""").param(event.eventId()).query().singleRow();
	}

	static MessagingProperties.Relay settings(Duration confirmTimeout, Duration lease) {
		return new MessagingProperties.Relay(Duration.ofMillis(200), 100, confirmTimeout, lease, Duration.ofDays(7));
	}

	@Override
	public void close() {
		dataSource.close();
		application.sql("drop schema " + schema + " cascade").update();
	}

}
