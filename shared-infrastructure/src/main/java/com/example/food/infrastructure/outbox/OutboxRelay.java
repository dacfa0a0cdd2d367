package com.example.food.infrastructure.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.observability.OutageLog;
import com.example.food.infrastructure.observability.OutboxMetrics;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.OutboxClaims.Claim;
import com.example.food.infrastructure.outbox.OutboxClaims.ClaimedEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The read side of the transactional outbox: publishes what {@link Outbox} stored, and marks a row
 * sent only once the broker has confirmed it. Each poll claims a batch ({@link OutboxClaims}: one
 * short transaction, a lease on the rows), publishes it with no transaction open, waits for the
 * broker's answers, and settles every row on its own ({@link Outcome}): the confirmed ones are
 * sent even when another row of the batch was refused, returned or not confirmed in time, and
 * those wait before their next try without holding back any other order.
 *
 * <p>If the broker is unreachable, the claimed rows are released at once and go out at the first
 * poll after it is back: an outage delays events, it never loses them. A row may be published
 * twice (its confirm is lost, or the process dies before it records it): consumers are idempotent,
 * and {@code publications} counts the times a row was handed to the broker.
 *
 * <p>Order: an order's events go out in the order they were written; a claim takes only the
 * oldest unsent event of each order, so the next one waits until the earlier one is sent.
 *
 * <p>Tracing: each publication is a span ({@code order.placed publish}) in the trace of the
 * transaction that wrote the event, not of this relay's thread (see {@link TraceHandoff}).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxClaims claims;

	private final RabbitTemplate rabbit;

	private final MessagingProperties.Relay settings;

	private final TraceHandoff tracing;

	private final Counter republished;

	private final OutageLog brokerOutage = new OutageLog(log, "Outbox relay",
			"cannot publish ({}); events wait in the outbox until the broker is back",
			"the broker is reachable again; publishing resumed");

	private final OutageLog databaseOutage = new OutageLog(log, "Outbox relay",
			"cannot read the outbox ({}); events wait in it until the database is back",
			"the database is reachable again; publishing resumed");

	/**
	 * @param rabbit a template with correlated publisher confirms and mandatory returns, publishing
	 * on a connection of its own (see FoodInfrastructureAutoConfiguration)
	 */
	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, RabbitTemplate rabbit,
			MessagingProperties.Relay settings, TraceHandoff tracing, MeterRegistry meters) {
		this(new OutboxClaims(jdbc, transaction, settings.lease()), rabbit, settings, tracing, meters);
	}

	OutboxRelay(OutboxClaims claims, RabbitTemplate rabbit, MessagingProperties.Relay settings, TraceHandoff tracing,
			MeterRegistry meters) {
		if (settings.lease().compareTo(settings.confirmTimeout()) <= 0) {
			throw new IllegalArgumentException("food.messaging.relay.lease (" + settings.lease()
					+ ") must be longer than its confirm-timeout (" + settings.confirmTimeout()
					+ "): a claim must outlast the wait for the broker's answers");
		}
		this.claims = claims;
		this.rabbit = rabbit;
		this.settings = settings;
		this.tracing = tracing;
		this.republished = Counter.builder(OutboxMetrics.REPUBLISHED)
			.description("Events handed to the broker again: after a return, a refusal, a confirm that never came, "
					+ "or a relay that died before it recorded the confirm")
			.register(meters);
	}

	/**
	 * One poll: batch after batch while they come full. Its {@link com.example.food.infrastructure.polling.Poller}
	 * runs it after each commit that wrote an event, and every {@code food.messaging.relay.interval}.
	 */
	public void relay() {
		try {
			while (publishBatch() == settings.batchSize()) {
				// a full batch: more may be waiting
			}
			brokerOutage.over();
			databaseOutage.over();
		}
		catch (AmqpException ex) {
			brokerOutage.during(ex);
		}
		catch (DataAccessException | TransactionException ex) {
			// Claimed rows stay claimed until their lease runs out, then go out again.
			databaseOutage.during(ex);
		}
	}

	/**
	 * Claims a batch, publishes it, waits for the broker's answers (together at most the confirm
	 * timeout) and settles each row; returns how many rows it claimed. Throws if the broker could
	 * not be reached, once the rows are settled: what it could not publish is released.
	 */
	int publishBatch() {
		// The lease runs from the claim; the broker's answers must be in before it runs out.
		long sendUntil = System.nanoTime() + settings.lease().minus(settings.confirmTimeout()).toNanos();
		Claim claim = claims.claim(settings.batchSize());
		if (claim.events().isEmpty()) {
			return 0;
		}
		republished.increment(claim.events().stream().filter(event -> event.publications() > 1).count());
		List<Publication> publications = new ArrayList<>();
		AmqpException failure = send(claim.events(), sendUntil, publications);
		// What was not sent (after a failure, or too late in the lease) is released.
		claim.events().subList(publications.size(), claim.events().size())
			.forEach(event -> publications.add(Publication.notSent(event)));
		awaitAnswers(publications);
		Map<ClaimedEvent, Outcome> outcomes = new LinkedHashMap<>();
		publications.forEach(publication -> outcomes.put(publication.event(), publication.outcome()));
		try {
			int settled = claims.settle(claim, outcomes);
			if (settled < outcomes.size()) {
				log.warn("Outbox relay: the lease on {} of {} event(s) ran out before their outcome was recorded; "
						+ "another relay has claimed them and publishes them again", outcomes.size() - settled, outcomes.size());
			}
		}
		finally {
			publications.forEach(
					publication -> publication.report(outcomes.get(publication.event()), settings.confirmTimeout(), tracing));
		}
		if (failure == null && outcomes.containsValue(Outcome.CUT_OFF)) {
			failure = new AmqpException("the connection closed before the broker answered");
		}
		if (failure != null) {
			throw failure;
		}
		return claim.events().size();
	}

	/**
	 * Sends the events, in order, on one channel, until one fails; returns that failure, if any, and
	 * adds a publication to {@code sent} for each event sent.
	 * Sending stops at {@code sendUntil}, while a whole confirm timeout is still left of the lease:
	 * the answers are awaited before it runs out, so that no other relay can claim a row this one is
	 * still publishing (a connection blocked by the broker's flow control can make sending slow).
	 */
	private @Nullable AmqpException send(List<ClaimedEvent> events, long sendUntil, List<Publication> sent) {
		try {
			rabbit.invoke(operations -> {
				for (ClaimedEvent event : events) {
					if (System.nanoTime() > sendUntil) {
						break;
					}
					sent.add(Publication.send(event, operations, tracing));
				}
				return sent.size();
			});
			return null;
		}
		catch (AmqpException ex) {
			return ex;
		}
	}

	/** Waits for the confirms of the whole batch at once: a confirm that never comes costs one timeout, not one per row. */
	private void awaitAnswers(List<Publication> publications) {
		try {
			CompletableFuture.allOf(publications.stream().map(Publication::confirm).toArray(CompletableFuture[]::new))
				.get(settings.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// the events still without an answer are settled as unconfirmed
		}
		catch (InterruptedException ex) {
			// shutting down: settled as they are, the unanswered ones as unconfirmed
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// not thrown: a confirm's future is only ever completed with the broker's answer
		}
	}

	/** The template it publishes with (the tests check that it has a connection of its own). */
	RabbitTemplate rabbit() {
		return rabbit;
	}
}
