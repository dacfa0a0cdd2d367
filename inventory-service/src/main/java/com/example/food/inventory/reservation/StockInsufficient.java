package com.example.food.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** Not enough stock for at least one line of a reservation; every short SKU is named. */
class StockInsufficient extends ProblemException {

	/**
	 * One SKU that was short: how many were asked for, how many could still be ordered.
	 */
	record Shortage(String sku, int requested, int available) {
	}

	StockInsufficient(List<Shortage> shortages) {
		super(HttpStatus.CONFLICT, "stock-insufficient", "Stock insufficient", "Not enough stock for "
				+ shortages.stream().map(Shortage::sku).collect(Collectors.joining(", ")) + "; nothing was reserved.",
				Map.of("shortages", List.copyOf(shortages)));
	}

}
