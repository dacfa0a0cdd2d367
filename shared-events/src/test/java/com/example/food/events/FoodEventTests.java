package com.example.food.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FoodEventTests {

	private static final OrderLine PIZZA = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2,
			new BigDecimal("9.50"));

	@Test
	void pricesALine() {
		assertThat(PIZZA.lineTotal()).isEqualByComparingTo("19.00");
	}

	@Test
	void rejectsALineWithoutAPositiveQuantity() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 0, BigDecimal.ONE))
			.withMessage("quantity must be positive, was 0");
	}

	@Test
	void rejectsANegativePrice() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 1, new BigDecimal("-1.00")))
			.withMessage("unitPrice must not be negative, was -1.00");
	}

	@Test
	void treatsABlankValueAsMissing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentFailed(" ")).withMessage("reason is required");
	}

	@Test
	void rejectsAnOrderWithoutLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TicketAccepted(UUID.randomUUID(), List.of()))
			.withMessage("lines must not be empty");
	}

	@Test
	void rejectsANullLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TicketAccepted(UUID.randomUUID(), Arrays.asList(PIZZA, null)))
			.withMessage("lines must not contain null");
	}

	@Test
	void keepsItsOwnCopyOfTheLines() {
		List<OrderLine> lines = new ArrayList<>(List.of(PIZZA));
		TicketAccepted accepted = new TicketAccepted(UUID.randomUUID(), lines);

		lines.clear();

		assertThat(accepted.lines()).containsExactly(PIZZA);
	}

	@Test
	void allowsARejectionThatNamesNoDish() {
		assertThat(new TicketRejected(UUID.randomUUID(), "kitchen closed", List.of()).unavailableSkus()).isEmpty();
	}

	@Test
	void allowsACancellationWithoutDetail() {
		assertThat(new OrderCancelled(CancellationReason.CUSTOMER_REQUEST, null, List.of(PIZZA)).detail()).isNull();
	}

}
