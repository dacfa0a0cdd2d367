package com.example.food.inventory.product;

import java.math.BigDecimal;

/**
 * One row of the menu with its stock: {@code onHand} is there, {@code reserved} of it is
 * held for orders.
 */
public record Product(String sku, String name, BigDecimal price, int onHand, int reserved) {

	/**
	 * What can still be ordered; never negative (the database refuses reserved >
	 * on_hand).
	 */
	public int available() {
		return onHand - reserved;
	}
}
