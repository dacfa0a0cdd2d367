package com.example.food.kitchen.ticket;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationAnswerTests {

	private final UUID ticketId = UUID.randomUUID();

	@Test
	void dropsOnlyAnAcceptedTicket() {
		assertThat(CancellationAnswer.to(TicketStatus.ACCEPTED)).isEqualTo(CancellationAnswer.DROP);
		assertThat(CancellationAnswer.to(TicketStatus.REJECTED)).isEqualTo(CancellationAnswer.NOTHING_COOKED);
		assertThat(CancellationAnswer.to(TicketStatus.CANCELLED)).isEqualTo(CancellationAnswer.ALREADY_CANCELLED);
	}

	@Test
	void grantsTheRequestUnlessTheMealIsPrepared() {
		for (TicketStatus status : new TicketStatus[] { TicketStatus.ACCEPTED, TicketStatus.REJECTED,
				TicketStatus.CANCELLED }) {
			assertThat(CancellationAnswer.to(status).event(ticketId, CancellationReason.CUSTOMER_REQUEST))
				.isInstanceOfSatisfying(TicketCancelled.class, granted -> {
					assertThat(granted.ticketId()).isEqualTo(ticketId);
					assertThat(granted.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
				});
		}
	}

	@Test
	void refusesTheRequestOnceTheMealIsPrepared() {
		assertThat(CancellationAnswer.to(TicketStatus.PREPARED).event(ticketId, CancellationReason.DEADLINE_EXCEEDED))
			.isEqualTo(new TicketCancellationRefused(ticketId, CancellationReason.DEADLINE_EXCEEDED,
					"the meal is prepared"));
	}

}
