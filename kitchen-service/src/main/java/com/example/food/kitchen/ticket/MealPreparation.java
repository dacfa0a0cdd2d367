package com.example.food.kitchen.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.observability.OutageLog;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.infrastructure.outbox.Outbox;

/**
 * The meal timer: prepares every accepted ticket whose {@code ready_at} has come, and
 * announces it (meal.prepared) in the same transaction.
 *
 * <p>
 * The timer is durable because it is a column, not a scheduled task in memory: a restart
 * or a crash loses nothing, and the first poll after any replica starts prepares whatever
 * fell due meanwhile. Replicas share the work through {@code FOR UPDATE SKIP LOCKED} (see
 * {@link Tickets#lockDue}), so no meal is prepared twice. It runs on the
 * {@link MealTimerConfiguration meal timer}'s thread.
 */
@Component
class MealPreparation {

	private static final Logger log = LoggerFactory.getLogger(MealPreparation.class);

	/** Tickets per transaction: a short transaction holds its row locks briefly. */
	static final int BATCH_SIZE = 50;

	private final Tickets tickets;

	private final Outbox outbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final StoredTraces traces;

	private final OutageLog outage = new OutageLog(log, "Meal timer",
			"cannot reach the database ({}); due meals wait until it is back",
			"the database is reachable again; due meals are being prepared");

	MealPreparation(Tickets tickets, Outbox outbox, TransactionTemplate transaction, Clock clock, StoredTraces traces) {
		this.tickets = tickets;
		this.outbox = outbox;
		this.transaction = transaction;
		this.clock = clock;
		this.traces = traces;
	}

	void prepareDueMeals() {
		try {
			int prepared;
			do {
				prepared = prepareBatch();
			}
			while (prepared == BATCH_SIZE);
			outage.over();
		}
		catch (DataAccessException | TransactionException ex) {
			// The tickets wait in the database and are
			// prepared at the first poll after it is back.
			outage.during(ex);
		}
	}

	/**
	 * Saga step: a ticket's time has come -> the meal is prepared (meal.prepared).
	 * Returns how many.
	 */
	int prepareBatch() {
		Integer prepared = transaction.execute(status -> {
			Instant now = clock.instant();
			List<Ticket> due = tickets.lockDue(now, BATCH_SIZE);
			for (Ticket ticket : due) {
				// In the order's trace, although this timer
				// fires long after the ticket was opened.
				traces.resume(ticket.id(), "kitchen prepare meal", ticket.orderId(), () -> {
					ticket.markPrepared(now);
					// Caused by the payment.completed that made the
					// ticket: what started this order's cooking.
					ticket.takeEvents()
						.forEach(event -> outbox.add(EventEnvelope.of(event, ticket.orderId(), ticket.causeEventId())));
					log.info("Order {}: ticket {} prepared; the meal is ready for delivery", ticket.orderId(),
							ticket.id());
				});
			}
			return due.size();
		});
		return prepared == null ? 0 : prepared;
	}

}
