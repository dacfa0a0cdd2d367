package com.example.food.order;

import java.util.List;

import org.springframework.stereotype.Component;

import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * What a change the order service makes to an order leaves besides the order itself: the
 * events the order caused, in the outbox, and the step, in its timeline. Both are written
 * in the caller's transaction, the one that saves the order.
 */
@Component
class OrderChanges {

	private final Outbox outbox;

	private final Timeline timeline;

	OrderChanges(Outbox outbox, Timeline timeline) {
		this.outbox = outbox;
		this.timeline = timeline;
	}

	/** Writes the events the order caused to the outbox; says how many. */
	int announce(Order order) {
		List<EventEnvelope> events = order.takeEvents()
			.stream()
			.map(event -> EventEnvelope.of(event, order.id()))
			.toList();
		events.forEach(outbox::add);
		return events.size();
	}

	/**
	 * Records the order's own step in its timeline: its new status, and for an end, the
	 * reason.
	 */
	void record(Order order, String step) {
		String detail = order.status() == OrderStatus.AWAITING_PAYMENT
				? order.lines().size() + " line(s), total " + order.total() : order.reasonDetail();
		timeline.record(order.id(),
				TimelineEntry.ofOrder(order.updatedAt(), step, order.status().name(), order.reason(), detail));
	}

}
