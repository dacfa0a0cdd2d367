package com.example.food.infrastructure.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

/**
 * The read side of the transactional outbox: publishes what {@link Outbox} stored, and
 * marks a row sent only once the broker has confirmed it. It publishes a batch of claimed
 * rows with no transaction open, waits for the broker's answers, and settles every row on
 * its own ({@link Outcome}): the confirmed ones are sent even when another row of the
 * batch was refused, returned or not confirmed in time, and those wait before their next
 * try without holding back any other order.
 *
 * <p>
 * The rows come two ways. <em>Handed over</em>: the transaction that wrote the row
 * claimed it for this relay already ({@link #handOverClaim()}), and hands it over once
 * committed; the relay publishes it at once, and the row costs one commit of the relay's,
 * its settlement. <em>Claimed</em> ({@link OutboxClaims}: one short transaction, a lease
 * on the rows): what no writer handed over (an order's event written while its previous
 * one was unsent; rows of another replica; rows left by a crash, whose lease has run out;
 * retries that fall due), at most every {@code interval}, and at once after a commit that
 * wrote such a row.
 *
 * <p>
 * If the broker is unreachable, the claimed rows are released at once and go out at the
 * first poll after it is back: an outage delays events, it never loses them. A row may be
 * published twice (its confirm is lost, or the process dies before it records it):
 * consumers are idempotent, and {@code publications} counts the times a row was handed to
 * the broker.
 *
 * <p>
 * Order: an order's events go out in the order they were written; a claim takes only the
 * oldest unsent event of each order, so the next one waits until the earlier one is sent.
 *
 * <p>
 * Tracing: each publication is a span ({@code order.placed publish}) in the trace of the
 * transaction that wrote the event, not of this relay's thread (see
 * {@link TraceHandoff}).
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxClaims claims;

	private final RabbitTemplate rabbit;

	private final MessagingProperties.Relay settings;

	private final TraceHandoff tracing;

	private final Counter republished;

	/** The rows their writers claimed for this relay, committed and waiting. */
	private final HandOvers handOvers = new HandOvers();

	/**
	 * A row was committed that nobody claimed: the next run claims, whenever it was last
	 * done.
	 */
	private final AtomicBoolean claimWanted = new AtomicBoolean(true);

	private long lastClaimed = System.nanoTime();

	private final OutageLog brokerOutage = new OutageLog(log, "Outbox relay",
			"cannot publish ({}); events wait in the outbox until the broker is back",
			"the broker is reachable again; publishing resumed");

	private final OutageLog databaseOutage = new OutageLog(log, "Outbox relay",
			"cannot read the outbox ({}); events wait in it until the database is back",
			"the database is reachable again; publishing resumed");

	/**
	 * @param rabbit a template with correlated publisher confirms and mandatory returns,
	 * publishing on a connection of its own (see FoodInfrastructureAutoConfiguration)
	 */
	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, RabbitTemplate rabbit,
			MessagingProperties.Relay settings, TraceHandoff tracing, MeterRegistry meters) {
		this(new OutboxClaims(jdbc, transaction, settings.lease()), rabbit, settings, tracing, meters);
	}

	OutboxRelay(OutboxClaims claims, RabbitTemplate rabbit, MessagingProperties.Relay settings, TraceHandoff tracing,
			MeterRegistry meters) {
		if (settings.lease().compareTo(settings.confirmTimeout()) <= 0) {
			throw new IllegalArgumentException(
					"food.messaging.relay.lease (" + settings.lease() + ") must be longer than its confirm-timeout ("
							+ settings.confirmTimeout() + "): a claim must outlast the wait for the broker's answers");
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
	 * One poll: batch after batch while they come full. Its
	 * {@link com.example.food.infrastructure.polling.Poller} runs it after each commit
	 * that wrote an event, and every {@code food.messaging.relay.interval}.
	 */
	public void relay() {
		try {
			while (publishHandedOver() == settings.batchSize()) {
				// a full batch: more may be waiting
			}
			if (claimWanted.getAndSet(false) || System.nanoTime() - lastClaimed >= settings.interval().toNanos()) {
				lastClaimed = System.nanoTime();
				while (publishBatch() == settings.batchSize()) {
					// a full batch: more may be waiting
				}
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
	 * The claim a writer puts on the row it writes, for this relay to publish once the
	 * row is committed and {@link #handOver handed over}; none when too many rows wait in
	 * memory already.
	 */
	@Nullable UUID handOverClaim() {
		return handOvers.claim();
	}

	/**
	 * How long a row claimed by its writer is this relay's: the same lease as a claim's.
	 */
	Duration lease() {
		return settings.lease();
	}

	/**
	 * A committed row its writer claimed for this relay ({@link #handOverClaim()} at
	 * {@code claimedAt}, System.nanoTime()): published at the next run.
	 */
	void handOver(ClaimedEvent event, long claimedAt) {
		handOvers.add(event, claimedAt);
	}

	/**
	 * A committed row nobody claimed: the next run claims rows, however recently it last
	 * did.
	 */
	void claimWanted() {
		claimWanted.set(true);
	}

	/**
	 * Publishes a batch of the rows handed over, oldest first, and settles them; returns
	 * how many. Throws if the broker could not be reached (the rows are released for a
	 * claim to take).
	 */
	int publishHandedOver() {
		HandOvers.Batch batch = handOvers.take(settings.batchSize());
		if (batch == null) {
			return 0;
		}
		publish(batch.claim(), batch.claimedAt());
		return batch.claim().events().size();
	}

	/**
	 * Claims a batch, publishes it, waits for the broker's answers (together at most the
	 * confirm timeout) and settles each row; returns how many rows it claimed. Throws if
	 * the broker could not be reached, once the rows are settled: what it could not
	 * publish is released.
	 */
	int publishBatch() {
		long claimedAt = System.nanoTime();
		Claim claim = claims.claim(settings.batchSize());
		if (claim.events().isEmpty()) {
			return 0;
		}
		publish(claim, claimedAt);
		return claim.events().size();
	}

	/**
	 * Publishes the claimed rows (their lease began after {@code claimedAt}) and settles
	 * each.
	 */
	private void publish(Claim claim, long claimedAt) {
		// The broker's answers must be in before the lease runs out.
		long sendUntil = claimedAt + settings.lease().minus(settings.confirmTimeout()).toNanos();
		republished.increment(claim.events().stream().filter(event -> event.publications() > 1).count());
		List<Publication> publications = new ArrayList<>();
		AmqpException failure = send(claim.events(), sendUntil, publications);
		// What was not sent (after a failure, or too late in the lease) is released.
		claim.events()
			.subList(publications.size(), claim.events().size())
			.forEach(event -> publications.add(Publication.notSent(event)));
		Publication.awaitAll(publications, settings.confirmTimeout());
		Map<ClaimedEvent, Outcome> outcomes = new LinkedHashMap<>();
		publications.forEach(publication -> outcomes.put(publication.event(), publication.outcome()));
		try {
			int settled = claims.settle(claim, outcomes);
			if (settled < outcomes.size()) {
				log.warn(
						"Outbox relay: the lease on {} of {} event(s) ran out before their outcome was recorded; "
								+ "another relay has claimed them and publishes them again",
						outcomes.size() - settled, outcomes.size());
			}
		}
		finally {
			publications.forEach(publication -> publication.report(outcomes.get(publication.event()),
					settings.confirmTimeout(), tracing));
		}
		if (failure == null && outcomes.containsValue(Outcome.CUT_OFF)) {
			failure = new AmqpException("the connection closed before the broker answered");
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Sends the events, in order, on one channel, until one fails; returns that failure,
	 * if any, and adds a publication to {@code sent} for each event sent. Sending stops
	 * at {@code sendUntil}, while a whole confirm timeout is still left of the lease: the
	 * answers are awaited before it runs out, so that no other relay can claim a row this
	 * one is still publishing (a connection blocked by the broker's flow control can make
	 * sending slow).
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

	/**
	 * The template it publishes with (the tests check that it has a connection of its
	 * own).
	 */
	RabbitTemplate rabbit() {
		return rabbit;
	}

}
