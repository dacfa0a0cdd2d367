package com.example.food.events;

import java.math.BigDecimal;

/** One line of an order as every consumer needs it: what, how many, and at what price. */
public record OrderLine(String sku, String name, int quantity, BigDecimal unitPrice) {

	public OrderLine {
		Require.present(sku, "sku");
		Require.present(name, "name");
		Require.positive(quantity, "quantity");
		Require.notNegative(unitPrice, "unitPrice");
	}

	public BigDecimal lineTotal() {
		return unitPrice.multiply(BigDecimal.valueOf(quantity));
	}
}
