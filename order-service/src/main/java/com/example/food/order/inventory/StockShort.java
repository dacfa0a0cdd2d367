package com.example.food.order.inventory;

import java.util.List;

/** Inventory answered 409 stock-insufficient: a business answer, neither retried nor counted as a failure. */
class StockShort extends RuntimeException {

	private final List<Shortage> shortages;

	StockShort(List<Shortage> shortages) {
		super("inventory has not enough stock for " + shortages, null, false, false);
		this.shortages = List.copyOf(shortages);
	}

	List<Shortage> shortages() {
		return shortages;
	}
}
