package com.example.food.order.saga;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;
import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * How the saga's facts end an order: a failure fact (payment declined, the ticket
 * rejected, no courier) cancels it at once, and the kitchen's answer to a cancellation
 * request cancels it (granted) or lets it run on (refused). Each end announces
 * order.cancelled, caused by the fact, which sets the compensations going. Part of
 * {@link OrderSaga}: it runs in the transaction of the handler that calls it.
 */
@Component
class Cancellations {

	private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

	private final Outbox outbox;

	private final Timeline timeline;

	private final IgnoredFacts ignored;

	private final Clock clock;

	Cancellations(Outbox outbox, Timeline timeline, IgnoredFacts ignored, Clock clock) {
		this.outbox = outbox;
		this.timeline = timeline;
		this.ignored = ignored;
		this.clock = clock;
	}

	/**
	 * Ends the order for {@code reason}, if the aggregate allows it, and announces
	 * order.cancelled, caused by this fact.
	 */
	void cancel(Order order, EventEnvelope fact, CancellationReason reason, String detail) {
		if (!order.canCancel(reason)) {
			ignored.record(order, fact, detail, IgnoredFacts.whyNotCancel(order, reason));
			return;
		}
		OrderStatus before = order.status();
		order.cancel(reason, detail, clock.instant());
		// The order's lines travel along, so that inventory, payment
		// and the kitchen each undo their part without asking.
		order.takeEvents().forEach(event -> outbox.add(fact.caused(event)));
		timeline.record(order.id(), TimelineEntry.ofFact(fact, OrderStatus.CANCELLED.name(), reason.name(),
				detail + "; order.cancelled sent to compensate"));
		log.info("Order {}: {} {} -> CANCELLED ({}); order.cancelled sent", order.id(), fact.type(), before, reason);
	}

	/**
	 * The kitchen's answer to a cancellation request. Granted: the order ends CANCELLED
	 * for the reason it asked with, and order.cancelled (caused by the answer) sets the
	 * compensations going. Refused: it goes back to where the facts put it. An answer
	 * that finds no request pending (a fact such as payment.failed ended the order
	 * meanwhile) is ignored, and says so.
	 */
	void answer(Order order, EventEnvelope answer, boolean granted, String detail) {
		if (!order.isCancelling()) {
			ignored.record(order, answer, detail,
					order.status() == OrderStatus.CANCELLED
							? "the order was already cancelled (" + order.reason() + "); nothing is pending"
							: "no cancellation is pending: the order is " + order.status());
			return;
		}
		if (granted) {
			order.cancellationGranted(clock.instant());
			order.takeEvents().forEach(event -> outbox.add(answer.caused(event)));
			timeline.record(order.id(), TimelineEntry.ofFact(answer, OrderStatus.CANCELLED.name(), order.reason(),
					"granted by the kitchen: " + detail + "; order.cancelled sent to compensate"));
			log.info("Order {}: {} CANCELLING -> CANCELLED ({}); order.cancelled sent", order.id(), answer.type(),
					order.reason());
		}
		else {
			order.cancellationRefused(clock.instant());
			timeline.record(order.id(), TimelineEntry.ofFact(answer, order.status().name(), null,
					"refused by the kitchen: " + detail + "; the order runs on"));
			log.info("Order {}: {} CANCELLING -> {}: the kitchen refused ({})", order.id(), answer.type(),
					order.status(), detail);
		}
	}

}
