package com.example.food.kitchen.ticket;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.MealPrepared;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TicketTests {

	private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

	private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

	private static final DeliveryAddress ADDRESS = new DeliveryAddress("1 Main St", "Springfield", "12345");

	private static final List<OrderLine> LINES = List.of(new OrderLine("PIZZA", "Pizza", 2, new BigDecimal("9.50")),
			new OrderLine("LASAGNA", "Lasagna", 1, new BigDecimal("12.00")));

	private static final PaymentCompleted PAID = new PaymentCompleted(UUID.randomUUID(), new BigDecimal("31.00"),
			"c-42", LINES, ADDRESS);

	@Test
	void acceptsATicketWhenEveryDishCanBeMadeAndSchedulesIt() {
		Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), PAID, Set.of("TIRAMISU"), NOW, FIVE_SECONDS);

		assertThat(ticket.status()).isEqualTo(TicketStatus.ACCEPTED);
		assertThat(ticket.times().readyAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(ticket.takeEvents()).singleElement().isEqualTo(new TicketAccepted(ticket.id(), LINES));
	}

	@Test
	void rejectsATicketNamingEveryDishThatCannotBeMade() {
		Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), PAID, Set.of("LASAGNA", "TIRAMISU"), NOW,
				FIVE_SECONDS);

		assertThat(ticket.status()).isEqualTo(TicketStatus.REJECTED);
		assertThat(ticket.times().readyAt()).isNull();
		assertThat(ticket.takeEvents()).singleElement().isInstanceOfSatisfying(TicketRejected.class, rejected -> {
			assertThat(rejected.unavailableSkus()).containsExactly("LASAGNA");
			assertThat(rejected.reason()).isEqualTo("The kitchen cannot make LASAGNA right now");
		});
	}

	@Test
	void preparesAnAcceptedTicketOnlyWhenItIsDue() {
		Ticket ticket = accepted();

		assertThatIllegalStateException().isThrownBy(() -> ticket.markPrepared(NOW.plusSeconds(4)));
		ticket.markPrepared(NOW.plusSeconds(5));

		assertThat(ticket.status()).isEqualTo(TicketStatus.PREPARED);
		assertThat(ticket.takeEvents()).singleElement()
			.isEqualTo(new MealPrepared(ticket.id(), "c-42", LINES, ADDRESS));
	}

	@Test
	void preparesAtOnceWithNoPreparationTime() {
		Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), PAID, Set.of(), NOW, Duration.ZERO);

		ticket.markPrepared(NOW);

		assertThat(ticket.status()).isEqualTo(TicketStatus.PREPARED);
	}

	@Test
	void grantsACancellationOfAnAcceptedTicketAndClearsItsTimer() {
		Ticket ticket = accepted();

		ticket.answerCancellation(CancellationReason.CUSTOMER_REQUEST, NOW);

		assertThat(ticket.status()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(ticket.times().readyAt()).isNull();
		assertThat(ticket.takeEvents()).singleElement()
			.isInstanceOfSatisfying(TicketCancelled.class,
					granted -> assertThat(granted.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST));
		assertThatIllegalStateException().isThrownBy(() -> ticket.markPrepared(NOW.plusSeconds(10)));
	}

	@Test
	void refusesACancellationOnceTheMealIsPrepared() {
		Ticket ticket = accepted();
		ticket.markPrepared(NOW.plusSeconds(5));
		ticket.takeEvents();

		ticket.answerCancellation(CancellationReason.CUSTOMER_REQUEST, NOW.plusSeconds(6));

		assertThat(ticket.status()).isEqualTo(TicketStatus.PREPARED);
		assertThat(ticket.takeEvents()).singleElement()
			.isInstanceOfSatisfying(TicketCancellationRefused.class,
					refused -> assertThat(refused.refusal()).contains("prepared"));
	}

	@Test
	void grantsACancellationOfARejectedTicketWithoutChangingIt() {
		Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), PAID, Set.of("PIZZA"), NOW, FIVE_SECONDS);
		ticket.takeEvents();

		ticket.answerCancellation(CancellationReason.DEADLINE_EXCEEDED, NOW);

		assertThat(ticket.status()).isEqualTo(TicketStatus.REJECTED);
		assertThat(ticket.takeEvents()).singleElement().isInstanceOf(TicketCancelled.class);
	}

	@Test
	void makesATombstoneThatHasNothingToCookAndGrantsTheRequest() {
		Ticket tombstone = Ticket.tombstone(UUID.randomUUID(), CancellationReason.CUSTOMER_REQUEST, NOW);

		assertThat(tombstone.isTombstone()).isTrue();
		assertThat(tombstone.status()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(tombstone.lines()).isEmpty();
		assertThat(tombstone.takeEvents()).singleElement().isInstanceOf(TicketCancelled.class);
		assertThatIllegalStateException().isThrownBy(() -> tombstone.markPrepared(NOW));
	}

	private static Ticket accepted() {
		Ticket ticket = Ticket.open(UUID.randomUUID(), UUID.randomUUID(), PAID, Set.of(), NOW, FIVE_SECONDS);
		ticket.takeEvents();
		return ticket;
	}

}
