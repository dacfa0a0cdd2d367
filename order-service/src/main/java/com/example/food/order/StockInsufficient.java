package com.example.food.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;
import com.example.food.order.inventory.Shortage;

/** Inventory had not enough stock for some lines; the order was kept as REJECTED. */
public class StockInsufficient extends ProblemException {

	StockInsufficient(UUID orderId, List<Shortage> shortages) {
		super(HttpStatus.CONFLICT, "stock-insufficient", "Stock insufficient", detail(orderId, shortages),
				Map.of("orderId", orderId, "shortages", List.copyOf(shortages)));
	}

	private static String detail(UUID orderId, List<Shortage> shortages) {
		return "Not enough stock for: " + String.join(", ", shortages.stream().map(Shortage::sku).toList()) + ". Order "
				+ orderId + " was rejected; nothing was reserved or charged.";
	}

}
