package com.example.food.order;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.food.events.DeliveryAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderContentsTests {

	private static final DeliveryAddress ADDRESS = new DeliveryAddress("1 Main St", "Springfield", "12345");

	@Test
	void totalsThePricedLines() {
		OrderContents contents = OrderContents
			.priced(List.of(OrderLine.priced("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50")),
					OrderLine.priced("TIRAMISU", "Tiramisu", 1, new BigDecimal("5.00"))), ADDRESS);

		assertThat(contents.total()).isEqualByComparingTo("24.00");
		assertThat(contents.eventLines()).hasSize(2);
		assertThat(contents.deliveryAddress()).isEqualTo(ADDRESS);
	}

	@Test
	void refusesLinesWithoutAPriceOrNoLinesAtAll() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrderContents.priced(List.of(OrderLine.unpriced("TIRAMISU", 1)), ADDRESS));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderContents.priced(List.of(), ADDRESS));
	}

	@Test
	void keepsTheLinesAsAskedForWithoutATotalWhenNeverPriced() {
		PlaceOrder request = new PlaceOrder("c-42",
				List.of(new PlaceOrder.Line("TIRAMISU", 1), new PlaceOrder.Line("TIRAMISU", 2)), ADDRESS, "tok_visa");

		OrderContents contents = OrderContents.unpriced(request);

		assertThat(contents.lines()).containsExactly(OrderLine.unpriced("TIRAMISU", 3));
		assertThat(contents.total()).isNull();
		assertThat(contents.deliveryAddress()).isEqualTo(ADDRESS);
	}

}
