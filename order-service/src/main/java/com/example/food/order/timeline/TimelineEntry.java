package com.example.food.order.timeline;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.events.EventEnvelope;

/**
 * One step of an order's saga, as the timeline shows it.
 *
 * @param occurredAt when it happened: the event's {@code occurredAt} for another
 * service's fact, the time of the change for the order's own steps
 * @param service who took the step: the fact's producer ({@code payment},
 * {@code kitchen}, {@code delivery}) or {@code order}
 * @param step the fact's routing key ({@code payment.completed}) or the order's own step
 * ({@code placed}, {@code cancellation requested by customer}, ...)
 * @param statusAfter the order's status once the step was handled; unchanged when it was
 * ignored
 * @param reason why the order ended, when this step ended it ({@code PAYMENT_DECLINED},
 * ...)
 * @param detail what the step said: an amount, a courier, a reason in words
 * @param ignoredBecause why the order service ignored this fact on purpose; null when it
 * acted on it
 * @param eventId the event that carried the fact; null for the order's own steps
 */
public record TimelineEntry(Instant occurredAt, String service, String step, String statusAfter,
		@Nullable String reason, @Nullable String detail, @Nullable String ignoredBecause, @Nullable UUID eventId) {

	/** The service name of the order's own steps. */
	public static final String ORDER = "order";

	/**
	 * A step the order service took itself: placing, rejecting, cancelling, a passed
	 * deadline.
	 */
	public static TimelineEntry ofOrder(Instant occurredAt, String step, String statusAfter, @Nullable String reason,
			@Nullable String detail) {
		return new TimelineEntry(occurredAt, ORDER, step, statusAfter, reason, detail, null, null);
	}

	/** A fact another service announced, acted upon. */
	public static TimelineEntry ofFact(EventEnvelope fact, String statusAfter, @Nullable String reason,
			@Nullable String detail) {
		return new TimelineEntry(fact.occurredAt(), producerOf(fact.type()), fact.type(), statusAfter, reason, detail,
				null, fact.eventId());
	}

	/** The same step, ignored on purpose for the reason given. */
	public TimelineEntry ignoredBecause(String why) {
		return new TimelineEntry(occurredAt, service, step, statusAfter, null, detail, why, eventId);
	}

	public boolean ignored() {
		return ignoredBecause != null;
	}

	/**
	 * The producer, read off the routing key: its first part names the fact's subject,
	 * which is the producing service, except for the kitchen's tickets and meals.
	 */
	static String producerOf(String routingKey) {
		int dot = routingKey.indexOf('.');
		String subject = dot < 0 ? routingKey : routingKey.substring(0, dot);
		return switch (subject) {
			case "ticket", "meal" -> "kitchen";
			default -> subject;
		};
	}
}
