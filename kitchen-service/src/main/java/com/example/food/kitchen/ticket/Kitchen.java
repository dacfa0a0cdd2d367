package com.example.food.kitchen.ticket;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.kitchen.KitchenProperties;
import com.example.food.kitchen.availability.UnavailableSkus;

/**
 * What the kitchen does when the saga reaches it. Each method is an event handler (see
 * {@link KitchenEvents}) and runs in the transaction in which the infrastructure also records the
 * event as processed, so a redelivered event never reaches it twice. It is a state machine: an
 * event that comes late or early for its order is handled or ignored on purpose, and says why.
 *
 * <p>Two events about one order can be handled at once (two replicas, or a re-sent event). The
 * ticket is read with a row lock, and a ticket is created by inserting its order id, which is
 * unique: of two such inserts the second fails, its transaction rolls back, and the listener's
 * retry then finds the first one's ticket.
 */
@Service
class Kitchen {

	private static final Logger log = LoggerFactory.getLogger(Kitchen.class);

	private final Tickets tickets;

	private final UnavailableSkus unavailableSkus;

	private final Outbox outbox;

	private final KitchenProperties properties;

	private final Clock clock;

	private final TraceHandoff traces;

	Kitchen(Tickets tickets, UnavailableSkus unavailableSkus, Outbox outbox, KitchenProperties properties, Clock clock,
			TraceHandoff traces) {
		this.tickets = tickets;
		this.unavailableSkus = unavailableSkus;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.traces = traces;
	}

	/** Saga step: payment.completed -> the kitchen accepts the ticket (ticket.accepted) or rejects it (ticket.rejected). */
	void openTicket(PaymentCompleted paid, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		Optional<Ticket> known = tickets.findForUpdateByOrderId(orderId);
		if (known.isPresent()) {
			Ticket ticket = known.get();
			if (ticket.isTombstone()) {
				log.info("Order {}: payment.completed ignored: order already cancelled, so no ticket is made", orderId);
			}
			else {
				log.info("Order {}: payment.completed {} ignored: the order already has ticket {} ({}); one ticket per order",
						orderId, envelope.eventId(), ticket.id(), ticket.status());
			}
			return;
		}
		Set<String> unavailable = unavailableSkus.among(paid.lines().stream().map(OrderLine::sku).toList());
		Ticket ticket = Ticket.open(orderId, envelope.eventId(), paid, unavailable, clock.instant(),
				properties.preparationTime());
		ticket.rememberTrace(traces.capture());
		tickets.saveAndFlush(ticket);
		ticket.takeEvents().forEach(event -> outbox.add(envelope.caused(event)));
		switch (ticket.status()) {
			case ACCEPTED -> log.info("Order {}: ticket {} accepted; the meal will be ready at {}", orderId, ticket.id(),
					ticket.readyAt());
			case REJECTED -> log.info("Order {}: ticket {} rejected: {}", orderId, ticket.id(), ticket.reason());
			case PREPARED, CANCELLED -> throw new IllegalStateException("a new ticket is " + ticket.status());
		}
	}

	/** Saga step: order.cancelled -> the kitchen drops the ticket, unless the meal is already made or never will be. */
	void cancelTicket(OrderCancelled cancelled, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		Optional<Ticket> known = tickets.findForUpdateByOrderId(orderId);
		if (known.isEmpty()) {
			// Whatever the reason: the kitchen need not know whether a payment may still complete.
			tickets.saveAndFlush(Ticket.tombstone(orderId, cancelled.reason(), clock.instant()));
			log.info("Order {}: cancelled ({}) before its payment completed; stored a tombstone, so a late "
					+ "payment.completed makes no ticket", orderId, cancelled.reason());
			return;
		}
		Ticket ticket = known.get();
		switch (ticket.status()) {
			case ACCEPTED -> {
				ticket.cancel(cancelled.reason(), clock.instant());
				log.info("Order {}: ticket {} cancelled ({}) before the meal was prepared; no meal.prepared will follow",
						orderId, ticket.id(), cancelled.reason());
			}
			case PREPARED -> log.info("Order {}: order.cancelled ({}) ignored: ticket {} is PREPARED, the food is made",
					orderId, cancelled.reason(), ticket.id());
			case REJECTED -> log.info("Order {}: order.cancelled ({}) ignored: ticket {} was REJECTED, the food was never made",
					orderId, cancelled.reason(), ticket.id());
			case CANCELLED -> log.info("Order {}: order.cancelled ({}) ignored: ticket {} is already CANCELLED", orderId,
					cancelled.reason(), ticket.id());
		}
	}
}
