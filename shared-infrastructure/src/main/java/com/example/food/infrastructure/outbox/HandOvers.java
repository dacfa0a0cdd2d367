package com.example.food.infrastructure.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import com.example.food.infrastructure.outbox.OutboxClaims.Claim;
import com.example.food.infrastructure.outbox.OutboxClaims.ClaimedEvent;

/**
 * The rows their writers claimed for one relay: {@link Outbox} writes a row already
 * claimed with {@link #claim()} and, once its transaction has committed, hands it over
 * here; the relay publishes it at its next run without claiming it again. In memory only:
 * if the process dies, the claim's lease runs out and a claim of any relay takes the row.
 */
final class HandOvers {

	/**
	 * At most this many rows wait in memory; past it, writers leave their rows unclaimed
	 * and a claim takes them (a broker outage keeps the relay busy releasing rows).
	 */
	static final int LIMIT = 10_000;

	/** The claim of every row handed over to this relay, for its lifetime. */
	private final UUID claim = UUID.randomUUID();

	private final Queue<HandedOver> rows = new ConcurrentLinkedQueue<>();

	private final AtomicInteger count = new AtomicInteger();

	/**
	 * A committed row, and when its writer claimed it (System.nanoTime(), before its
	 * lease began).
	 */
	private record HandedOver(ClaimedEvent event, long claimedAt) {
	}

	/**
	 * Some rows taken together, and when the first of them was claimed.
	 */
	record Batch(Claim claim, long claimedAt) {
	}

	/** The claim a writer puts on its row; none when too many rows wait already. */
	@Nullable UUID claim() {
		return count.get() < LIMIT ? claim : null;
	}

	void add(ClaimedEvent event, long claimedAt) {
		count.incrementAndGet();
		rows.add(new HandedOver(event, claimedAt));
	}

	/** Up to {@code max} rows, in the order of their commits; none if none wait. */
	@Nullable Batch take(int max) {
		List<ClaimedEvent> events = new ArrayList<>();
		long claimedAt = Long.MAX_VALUE;
		for (HandedOver next; events.size() < max && (next = rows.poll()) != null;) {
			count.decrementAndGet();
			events.add(next.event());
			claimedAt = Math.min(claimedAt, next.claimedAt());
		}
		return events.isEmpty() ? null : new Batch(new Claim(claim, events), claimedAt);
	}

}
