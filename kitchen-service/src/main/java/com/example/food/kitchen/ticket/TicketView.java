package com.example.food.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A ticket as a learner reads it: where the cooking stands, and why if it stopped. */
record TicketView(UUID id, UUID orderId, TicketStatus status, @Nullable String reason, List<TicketLine> lines,
		@Nullable Instant readyAt, Instant createdAt, Instant updatedAt) {

	static TicketView of(Ticket ticket) {
		TicketTimes times = ticket.times();
		return new TicketView(ticket.id(), ticket.orderId(), ticket.status(), ticket.reason(), ticket.lines(),
				times.readyAt(), times.createdAt(), times.updatedAt());
	}
}
