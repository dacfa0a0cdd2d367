package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTimesTests {

	private static final Instant OPENED = Instant.parse("2030-01-01T12:00:00Z");

	private final TicketTimes accepted = TicketTimes.openedAt(OPENED).withMealDueIn(Duration.ofSeconds(5));

	@Test
	void opensWithoutATimer() {
		TicketTimes opened = TicketTimes.openedAt(OPENED);

		assertThat(opened).isEqualTo(new TicketTimes(OPENED, OPENED, null));
		assertThat(opened.isDue(OPENED.plusSeconds(60))).isFalse();
	}

	@Test
	void isDueOnceThePreparationTimeHasPassed() {
		assertThat(accepted.readyAt()).isEqualTo(OPENED.plusSeconds(5));
		assertThat(accepted.isDue(OPENED.plusSeconds(4))).isFalse();
		assertThat(accepted.isDue(OPENED.plusSeconds(5))).isTrue();
	}

	@Test
	void keepsTheReadyTimeOnceTheMealIsPrepared() {
		TicketTimes prepared = accepted.preparedAt(OPENED.plusSeconds(7));

		assertThat(prepared).isEqualTo(new TicketTimes(OPENED, OPENED.plusSeconds(7), OPENED.plusSeconds(5)));
	}

	@Test
	void clearsTheTimerWhenTheTicketIsCancelled() {
		TicketTimes cancelled = accepted.cancelledAt(OPENED.plusSeconds(2));

		assertThat(cancelled).isEqualTo(new TicketTimes(OPENED, OPENED.plusSeconds(2), null));
		assertThat(cancelled.isDue(OPENED.plusSeconds(60))).isFalse();
	}

}
