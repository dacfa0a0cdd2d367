package com.example.food.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.messaging.EventTopology;
import com.example.food.inventory.product.Products;

/**
 * A saga must not hold stock forever: a reservation still RESERVED past its time-to-live
 * (neither committed by ticket.accepted nor released by order.cancelled, say because an
 * event was dead-lettered or a service is down) becomes EXPIRED and its stock is given
 * back. The order's own deadline is order-service's concern; this only frees the shelf.
 *
 * <p>
 * Expiry must not give back stock that a fact already on its way will spend: the job
 * waits one interval after a start, and skips every run while events wait in this
 * service's queue (see {@link EventBacklog}), so that after an outage the queued facts
 * are handled first. A fact that comes later still (a dead letter replayed, a kitchen
 * that was down) finds the reservation EXPIRED and commits it late ({@link MealStock}).
 */
@Component
class ReservationExpiry {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	/**
	 * Reservations per transaction: short transactions, short row locks; a backlog takes
	 * several.
	 */
	private static final int BATCH_SIZE = 100;

	private final Reservations reservations;

	private final Products products;

	private final TransactionTemplate transaction;

	private final EventBacklog backlog;

	ReservationExpiry(Reservations reservations, Products products, TransactionTemplate transaction, AmqpAdmin broker,
			EventTopology topology) {
		this.reservations = reservations;
		this.products = products;
		this.transaction = transaction;
		this.backlog = new EventBacklog(broker, topology.queue());
	}

	/**
	 * Runs every {@code food.reservations.expiry-interval} (see
	 * {@link ReservationProperties}), the first time one interval after the start: by
	 * then the listener has been taking the events that queued up while the service was
	 * down, and the backlog check sees what is left of them.
	 */
	@Scheduled(fixedDelayString = "${food.reservations.expiry-interval:30s}",
			initialDelayString = "${food.reservations.expiry-interval:30s}")
	void expireOverdue() {
		if (!backlog.isDrained()) {
			return;
		}
		int expired;
		do {
			Integer count = transaction.execute(status -> expireBatch());
			expired = count == null ? 0 : count;
		}
		while (expired == BATCH_SIZE);
	}

	private int expireBatch() {
		Map<UUID, List<ReservationLine>> expired = reservations.markExpired(BATCH_SIZE);
		// Summed per SKU and given back in SKU order: the same lock
		// order as every other use case, also across the reservations
		// of one batch (one by one, their SKUs would interleave).
		SortedMap<String, Integer> quantities = new TreeMap<>();
		expired.values()
			.forEach(lines -> lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum)));
		quantities.forEach(products::release);
		expired.forEach((orderId, lines) -> log.info(
				"Order {}: reservation expired, neither committed nor released within its time-to-live: gave back {}",
				orderId, lines.stream().map(line -> line.quantity() + " x " + line.sku()).toList()));
		return expired.size();
	}

}
