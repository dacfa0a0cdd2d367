package com.example.food.kitchen.ticket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.food.events.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTests {

	@Test
	void rejectsNothingWhenEveryDishCanBeMade() {
		assertThat(Rejection.of(List.of(line("PIZZA"), line("LASAGNA")), Set.of("TIRAMISU"))).isNull();
	}

	@Test
	void namesEachUnavailableDishOnceInTheOrderItWasOrdered() {
		Rejection rejection = Rejection.of(List.of(line("SOUP"), line("PIZZA"), line("LASAGNA"), line("SOUP")),
				Set.of("LASAGNA", "SOUP", "TIRAMISU"));

		assertThat(rejection).isNotNull();
		assertThat(rejection.unavailableSkus()).containsExactly("SOUP", "LASAGNA");
		assertThat(rejection.reason()).isEqualTo("The kitchen cannot make SOUP, LASAGNA right now");
	}

	@Test
	void cutsTheReasonToFitTheReasonColumn() {
		String longSku = "X".repeat(300);

		Rejection rejection = Rejection.of(List.of(line(longSku)), Set.of(longSku));

		assertThat(rejection).isNotNull();
		assertThat(rejection.reason()).hasSize(Rejection.MAX_REASON_LENGTH).endsWith("…");
		assertThat(rejection.unavailableSkus()).containsExactly(longSku);
	}

	private static OrderLine line(String sku) {
		return new OrderLine(sku, sku.toLowerCase(), 1, BigDecimal.ONE);
	}

}
