package com.example.food.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.observability.OutageLog;
import com.example.food.infrastructure.observability.StoredTraces;

/**
 * The clock of the deliveries: moves on each delivery whose next step is due (a new
 * search for a courier, or the hand-over). The timers are not in memory but in the
 * database ({@code delivery.due_at}): they survive a restart or a crash, and any replica
 * picks them up.
 *
 * <p>
 * Each delivery is moved on in its own short transaction, so one that fails does not hold
 * back the others' commits; it stays due and is tried again at the next tick. It runs on
 * the {@link DeliveryTimerConfiguration delivery timer}'s thread.
 */
@Component
class DeliveryPoller {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

	private final Deliveries deliveries;

	private final Dispatch dispatch;

	private final TransactionTemplate transaction;

	private final DeliveryProperties settings;

	private final StoredTraces traces;

	private final Clock clock;

	private final OutageLog outage = new OutageLog(log, "Delivery poller",
			"cannot move deliveries on ({}); they wait until the database is back",
			"the database is reachable again; due deliveries move on");

	DeliveryPoller(Deliveries deliveries, Dispatch dispatch, TransactionTemplate transaction,
			DeliveryProperties settings, StoredTraces traces, Clock clock) {
		this.deliveries = deliveries;
		this.dispatch = dispatch;
		this.transaction = transaction;
		this.settings = settings;
		this.traces = traces;
		this.clock = clock;
	}

	void advanceDueDeliveries() {
		try {
			int moved = 0;
			while (moved < settings.pollBatchSize() && advanceNextDue()) {
				moved++;
			}
			outage.over();
		}
		catch (DataAccessException ex) {
			// The timers are safe in the database.
			outage.during(ex);
		}
	}

	/** Moves on the delivery that is due first; false if none is due. */
	private boolean advanceNextDue() {
		Boolean advanced = transaction.execute(status -> deliveries.lockNextDue(clock.instant()).map(delivery -> {
			// In the order's trace, although the timer
			// fires long after the delivery started.
			String step = delivery.status() == DeliveryStatus.ASSIGNED ? "delivery hand over" : "delivery find courier";
			traces.resume(delivery.id(), step, delivery.orderId(), () -> dispatch.advance(delivery));
			return true;
		}).orElse(false));
		return Boolean.TRUE.equals(advanced);
	}

}
