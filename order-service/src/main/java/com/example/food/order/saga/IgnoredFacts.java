package com.example.food.order.saga;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;
import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * What the timeline and the log say when {@link OrderSaga} ignores a fact on purpose: the
 * reason, in words an operator reads without the code.
 */
@Component
class IgnoredFacts {

	private static final Logger log = LoggerFactory.getLogger(IgnoredFacts.class);

	private final Timeline timeline;

	IgnoredFacts(Timeline timeline) {
		this.timeline = timeline;
	}

	/** Shows the fact in the order's timeline as ignored, and why; logs it. */
	void record(Order order, EventEnvelope fact, String detail, String why) {
		timeline.record(order.id(),
				TimelineEntry.ofFact(fact, order.status().name(), null, detail).ignoredBecause(why));
		log.info("Order {}: ignored {} {}: {}", order.id(), fact.type(), fact.eventId(), why);
	}

	/**
	 * Why a fact cannot move the order on to {@code next}: a duplicate, a latecomer, or
	 * an order already over.
	 */
	static String whyNotAdvance(Order order, OrderStatus next) {
		OrderStatus status = order.progress();
		if (status == next) {
			return "duplicate: the order is already " + status;
		}
		if (status == OrderStatus.CANCELLED) {
			return "the order was already cancelled (" + order.reason()
					+ "); order.cancelled has asked every service to undo its part"
					+ (next == OrderStatus.PAID ? ", so payment voids this hold" : "");
		}
		if (status == OrderStatus.REJECTED) {
			return "the order was rejected when placed; no saga runs for it";
		}
		return "late: the order is already " + status + ", past " + next;
	}

	/**
	 * Why a fact cannot end the order for {@code reason}: a duplicate, or an order
	 * already over or too far along.
	 */
	static String whyNotCancel(Order order, CancellationReason reason) {
		OrderStatus status = order.status();
		if (status == OrderStatus.CANCELLED) {
			return reason.name().equals(order.reason()) ? "duplicate: the order is already cancelled (" + reason + ")"
					: "the order was already cancelled (" + order.reason() + ")";
		}
		if (status == OrderStatus.REJECTED) {
			return "the order was rejected when placed; no saga runs for it";
		}
		return "contradicts an earlier fact: the order is already " + order.progress() + ", too far along for "
				+ reason;
	}

}
