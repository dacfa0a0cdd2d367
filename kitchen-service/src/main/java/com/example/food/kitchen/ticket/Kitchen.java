package com.example.food.kitchen.ticket;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.polling.Poller;
import com.example.food.kitchen.KitchenProperties;
import com.example.food.kitchen.availability.UnavailableSkus;

/**
 * What the kitchen does when the saga reaches it. Each method is an event handler (see
 * {@link SagaSubscription}) and runs in the transaction in which the infrastructure also
 * records the event as processed, so a redelivered event never reaches it twice. It is a
 * state machine: an event that comes late or early for its order is handled or ignored on
 * purpose, and says why.
 *
 * <p>
 * Two events about one order can be handled at once (two replicas, or a re-sent event).
 * The ticket is read with a row lock, and a ticket is created by inserting its order id,
 * which is unique: of two such inserts the second fails, its transaction rolls back, and
 * the listener's retry then finds the first one's ticket.
 */
@Service
class Kitchen {

	private static final Logger log = LoggerFactory.getLogger(Kitchen.class);

	private final Tickets tickets;

	private final UnavailableSkus unavailableSkus;

	private final Outbox outbox;

	private final KitchenProperties properties;

	private final Clock clock;

	private final StoredTraces traces;

	private final Poller mealTimer;

	Kitchen(Tickets tickets, UnavailableSkus unavailableSkus, Outbox outbox, KitchenProperties properties, Clock clock,
			StoredTraces traces, @Qualifier("mealTimer") Poller mealTimer) {
		this.tickets = tickets;
		this.unavailableSkus = unavailableSkus;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.traces = traces;
		this.mealTimer = mealTimer;
	}

	/**
	 * Saga step: payment.completed (the amount is held) -> the kitchen accepts the ticket
	 * (ticket.accepted: payment captures, inventory spends the stock) or rejects it
	 * (ticket.rejected).
	 */
	void openTicket(PaymentCompleted paid, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		Optional<Ticket> known = tickets.findForUpdateByOrderId(orderId);
		if (known.isPresent()) {
			Ticket ticket = known.get();
			if (ticket.isTombstone()) {
				log.info("Order {}: payment.completed ignored: order already cancelled, so no ticket is made", orderId);
			}
			else {
				log.info(
						"Order {}: payment.completed {} ignored: the order already has ticket {} ({}); one ticket per order",
						orderId, envelope.eventId(), ticket.id(), ticket.status());
			}
			return;
		}
		Set<String> unavailable = unavailableSkus.among(paid.lines().stream().map(OrderLine::sku).toList());
		Ticket ticket = Ticket.open(orderId, envelope.eventId(), paid, unavailable, clock.instant(),
				properties.preparationTime());
		tickets.saveAndFlush(ticket);
		// The meal timer prepares it in this trace.
		traces.remember(ticket.id());
		ticket.takeEvents().forEach(event -> outbox.add(envelope.caused(event)));
		switch (ticket.status()) {
			case ACCEPTED -> {
				log.info("Order {}: ticket {} accepted; the meal will be ready at {}", orderId, ticket.id(),
						ticket.times().readyAt());
				// Prepared when it is due, not at the timer's next poll.
				mealTimer.wakeAfterCommit(properties.preparationTime());
			}
			case REJECTED -> log.info("Order {}: ticket {} rejected: {}", orderId, ticket.id(), ticket.reason());
			case PREPARED, CANCELLED -> throw new IllegalStateException("a new ticket is " + ticket.status());
		}
	}

	/**
	 * Saga step: order.cancellation-requested -> the kitchen grants it (ticket.cancelled)
	 * unless the meal is prepared (ticket.cancellation-refused). Asynchronous
	 * request-reply: the answer is correlated with the request by the order id, and
	 * caused by it.
	 */
	void answerCancellation(OrderCancellationRequested request, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		// The same row lock as opening the ticket and the
		// meal timer: the answer sees the ticket's last word.
		Ticket ticket = tickets.findForUpdateByOrderId(orderId).orElse(null);
		if (ticket == null) {
			// Nothing cooked and nothing will be: a tombstone keeps
			// a late payment.completed from opening a ticket.
			ticket = Ticket.tombstone(orderId, request.reason(), clock.instant());
			log.info("Order {}: cancellation ({}) granted before its payment completed; stored a tombstone, so a late "
					+ "payment.completed opens no ticket", orderId, request.reason());
		}
		else {
			TicketStatus before = ticket.status();
			ticket.answerCancellation(request.reason(), clock.instant());
			log.info("Order {}: cancellation ({}) {}: ticket {} was {}", orderId, request.reason(),
					before == TicketStatus.PREPARED ? "refused, the meal is prepared" : "granted", ticket.id(), before);
		}
		tickets.saveAndFlush(ticket);
		ticket.takeEvents().forEach(event -> outbox.add(envelope.caused(event)));
	}

}
