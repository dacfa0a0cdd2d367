package com.example.food.infrastructure.outbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay's bookkeeping in the {@code outbox_message} table: which rows a relay
 * is publishing (its claim) and what became of each (the settlement). Each is one short
 * transaction, and none is open while the relay waits for the broker: no row lock and no
 * pooled connection is held for the length of a confirm timeout, and PostgreSQL's vacuum
 * is never held back by it.
 *
 * <p>
 * The rows a writer claimed for its relay ({@link Outbox}) are settled here too; only the
 * rows no writer handed over are claimed here.
 *
 * <p>
 * A claim is a lease ({@code claim_id}, {@code claimed_until}). Until it runs out, every
 * other poll, of this relay or of another replica, leaves the claimed rows alone: one row
 * is never published by two relays at the same time. A relay that dies holding rows
 * leaves leases that run out, and the rows are claimed again. Settling touches only the
 * rows its claim still holds.
 *
 * <p>
 * Every time here is the database's ({@code now()}): one clock for all the replicas,
 * whatever their hosts' clocks say.
 */
class OutboxClaims {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Duration lease;

	OutboxClaims(JdbcClient jdbc, TransactionTemplate transaction, Duration lease) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.lease = lease;
	}

	/** The rows one poll took, in the order they were written. */
	record Claim(UUID id, List<ClaimedEvent> events) {
	}

	/**
	 * A claimed row; {@code publications} already counts the one this claim is about to
	 * make.
	 */
	record ClaimedEvent(long id, UUID eventId, UUID orderId, String routingKey, String payload, int attempts,
			int publications, @Nullable String traceContext) {
	}

	/**
	 * The wait before an event that failed on its own is tried again: 1 s, 2 s, 4 s, ...
	 * at most a minute.
	 */
	static Duration backoff(int attempts) {
		return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempts, 6)));
	}

	/**
	 * Claims at most {@code batchSize} rows that are due, not held by a live claim, and
	 * the oldest unsent event of their order: an order's next event is claimed only once
	 * its earlier one is sent, so it never goes out first. One statement, committed at
	 * once. {@code SKIP LOCKED}: two relays claiming at the same moment take different
	 * rows; a row claimed by a relay that committed meanwhile is checked again and no
	 * longer qualifies.
	 */
	Claim claim(int batchSize) {
		UUID claim = UUID.randomUUID();
		List<ClaimedEvent> events = jdbc
			.sql("""
					with claimable as (
					    select id from outbox_message m
					    where sent_at is null
					      and (next_attempt_at is null or next_attempt_at <= now())
					      and (claimed_until is null or claimed_until <= now())
					      and not exists (select 1 from outbox_message earlier
					                      where earlier.order_id = m.order_id and earlier.sent_at is null and earlier.id < m.id)
					    order by id
					    limit :batch
					    for update skip locked)
					update outbox_message m
					set claim_id = :claim, claimed_until = now() + :leaseMillis * interval '1 millisecond',
					    publications = publications + 1
					from claimable
					where m.id = claimable.id
					returning m.id, m.event_id, m.order_id, m.routing_key, m.payload, m.attempts, m.publications, m.trace_context
					""")
			.param("batch", batchSize)
			.param("claim", claim)
			.param("leaseMillis", lease.toMillis())
			.query(ClaimedEvent.class)
			.list();
		return new Claim(claim, events.stream().sorted(Comparator.comparingLong(ClaimedEvent::id)).toList());
	}

	/**
	 * Records each row's outcome, in one short transaction, and ends the claim: confirmed
	 * rows are sent; rows that failed on their own wait before their next try, each as
	 * long as its attempts say; rows the broker could not be reached for are released at
	 * once. Returns how many rows the claim still held (fewer when its lease ran out and
	 * another relay claimed them meanwhile).
	 */
	int settle(Claim claim, Map<ClaimedEvent, Outcome> outcomes) {
		Integer settled = transaction.execute(status -> {
			int rows = end(claim, having(outcomes, Outcome.CONFIRMED), ", sent_at = now()", Duration.ZERO)
					+ end(claim, having(outcomes, Outcome.CUT_OFF), "", Duration.ZERO) + end(claim,
							having(outcomes, Outcome.NOT_SENT), ", publications = publications - 1", Duration.ZERO);
			for (ClaimedEvent event : outcomes.keySet()) {
				if (outcomes.get(event).postpones()) {
					rows += end(claim, List.of(event),
							", attempts = attempts + 1, next_attempt_at = now() + :waitMillis * interval '1 millisecond'",
							backoff(event.attempts()));
				}
			}
			return rows;
		});
		return settled == null ? 0 : settled;
	}

	private static List<ClaimedEvent> having(Map<ClaimedEvent, Outcome> outcomes, Outcome outcome) {
		return outcomes.keySet().stream().filter(event -> outcomes.get(event) == outcome).toList();
	}

	/**
	 * Ends the claim on these rows, with {@code change} to them ({@code :waitMillis} is
	 * {@code wait}).
	 */
	private int end(Claim claim, List<ClaimedEvent> events, String change, Duration wait) {
		if (events.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("update outbox_message set claim_id = null, claimed_until = null" + change
					+ " where claim_id = :claim and id in (:ids)")
			.param("claim", claim.id())
			.param("ids", events.stream().map(ClaimedEvent::id).toList())
			.param("waitMillis", wait.toMillis())
			.update();
	}

}
