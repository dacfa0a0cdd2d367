package com.example.food.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;
import com.example.food.order.inventory.Shortage;

/** Inventory had not enough stock for some lines; the order was kept as REJECTED. */
public class StockInsufficient extends ProblemException {

	private final UUID orderId;

	private final List<Shortage> shortages;

	StockInsufficient(UUID orderId, List<Shortage> shortages) {
		super("Not enough stock for: " + String.join(", ", shortages.stream().map(Shortage::sku).toList())
				+ ". Order " + orderId + " was rejected; nothing was reserved or charged.");
		this.orderId = orderId;
		this.shortages = List.copyOf(shortages);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String type() {
		return "stock-insufficient";
	}

	@Override
	public String title() {
		return "Stock insufficient";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", orderId, "shortages", shortages);
	}
}
