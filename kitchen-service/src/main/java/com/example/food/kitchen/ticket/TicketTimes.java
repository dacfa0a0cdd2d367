package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * When a ticket was opened, when it last changed, and its meal timer.
 *
 * @param readyAt when an accepted ticket is due; kept once the meal is prepared (it was
 * ready then), cleared if the ticket is cancelled, null on a rejected one. A column, not
 * a timer in a process's memory (see V2__add_ticket_details.sql): a meal due while no
 * replica was running is prepared by the first poll after one starts.
 */
@Embeddable
record TicketTimes(Instant createdAt, Instant updatedAt, @Nullable Instant readyAt) {

	static TicketTimes openedAt(Instant now) {
		return new TicketTimes(now, now, null);
	}

	/** The meal timer set: due {@code preparationTime} after the ticket was opened. */
	TicketTimes withMealDueIn(Duration preparationTime) {
		return new TicketTimes(createdAt, updatedAt, createdAt.plus(preparationTime));
	}

	/** Whether the meal timer is set and its time has come. */
	boolean isDue(Instant now) {
		return readyAt != null && !readyAt.isAfter(now);
	}

	/** The meal is prepared now; the timer stays, as when it was ready. */
	TicketTimes preparedAt(Instant now) {
		return new TicketTimes(createdAt, now, readyAt);
	}

	/** The ticket is cancelled now; the timer is cleared, so no meal will be prepared. */
	TicketTimes cancelledAt(Instant now) {
		return new TicketTimes(createdAt, now, null);
	}

}
