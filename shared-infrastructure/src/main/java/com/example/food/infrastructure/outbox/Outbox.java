package com.example.food.infrastructure.outbox;

import java.sql.Timestamp;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.OutboxClaims.ClaimedEvent;
import com.example.food.infrastructure.polling.Poller;

/**
 * The write side of the transactional outbox: where a service records the events its
 * state change causes. It only works inside the caller's transaction (MANDATORY), so the
 * event is committed together with the change or not at all: no event about a change that
 * was rolled back, and no change whose event is lost because the broker was down.
 * Publishing is the relay's job: the commit wakes it, so the event goes out within
 * milliseconds, not at the relay's next poll.
 *
 * <p>
 * The row is written claimed for this process's relay
 * ({@link OutboxRelay#handOverClaim()}, a lease like any claim's) unless an earlier event
 * of the same order is still unsent: once committed, it is handed over to the relay,
 * which publishes it with no claim of its own to make. If the process dies first, the
 * lease runs out and any relay claims the row.
 *
 * <p>
 * The row also keeps the trace context of the writing transaction, so that the relay
 * publishes the event in the same trace (see {@link TraceHandoff}).
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final TraceHandoff tracing;

	private final @Nullable OutboxRelay relay;

	private final Poller poller;

	/** The row written, and whether it was claimed for this process's relay. */
	private record Written(long id, boolean claimed) {
	}

	/**
	 * @param relay the relay the rows are handed over to; null to leave every row to a
	 * claim
	 * @param poller the relay's poller, woken by each commit that wrote an event
	 */
	public Outbox(JdbcClient jdbc, TraceHandoff tracing, @Nullable OutboxRelay relay, Poller poller) {
		this.jdbc = jdbc;
		this.tracing = tracing;
		this.relay = relay;
		this.poller = poller;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void add(EventEnvelope event) {
		long claimedAt = System.nanoTime();
		String payload = EventJson.write(event);
		String traceContext = tracing.capture();
		UUID claim = relay == null ? null : relay.handOverClaim();
		Written written = jdbc
			.sql("""
					with earlier as (
					    select exists (select 1 from outbox_message where order_id = :orderId and sent_at is null) as unsent)
					insert into outbox_message (event_id, order_id, routing_key, payload, created_at, trace_context,
					                            claim_id, claimed_until, publications)
					select :eventId, :orderId, :routingKey, :payload, :createdAt, :traceContext, c.claim,
					       case when c.claim is not null then clock_timestamp() + :leaseMillis * interval '1 millisecond' end,
					       case when c.claim is not null then 1 else 0 end
					from (select case when unsent then null else cast(:claim as uuid) end as claim from earlier) c
					returning id, claim_id is not null as claimed
					""")
			.param("eventId", event.eventId())
			.param("orderId", event.orderId())
			.param("routingKey", event.type())
			.param("payload", payload)
			.param("createdAt", Timestamp.from(event.occurredAt()))
			.param("traceContext", traceContext)
			.param("claim", claim)
			.param("leaseMillis", relay == null ? 0 : relay.lease().toMillis())
			.query(Written.class)
			.single();
		if (relay != null) {
			OutboxRelay handOverTo = relay;
			ClaimedEvent claimed = !written.claimed() ? null : new ClaimedEvent(written.id(), event.eventId(),
					event.orderId(), event.type(), payload, 0, 1, traceContext);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					if (claimed != null) {
						handOverTo.handOver(claimed, claimedAt);
					}
					else {
						handOverTo.claimWanted();
					}
				}
			});
		}
		poller.wakeAfterCommit();
	}

}
