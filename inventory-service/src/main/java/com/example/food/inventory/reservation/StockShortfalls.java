package com.example.food.inventory.reservation;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.example.food.inventory.product.Products;

/**
 * What late commits could not take off the shelf, in units per SKU:
 * {@value #METRIC}{@code {sku}} (Prometheus:
 * {@code food_inventory_stock_shortfall_total}). Each unit is food the kitchen used while
 * on_hand still counts it, because other orders reserved it after the reservation
 * expired: a sign that reservations expire before the kitchen gets to them, and a reason
 * to count the shelf.
 */
@Component
class StockShortfalls {

	static final String METRIC = "food.inventory.stock.shortfall";

	private final MeterRegistry meters;

	private final Products products;

	StockShortfalls(MeterRegistry meters, Products products) {
		this.meters = meters;
		this.products = products;
	}

	/**
	 * Every SKU of the menu at zero from the start, so that Prometheus sees a first
	 * shortfall as an increase.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void startAtZero() {
		products.all().forEach(product -> counter(product.sku()));
	}

	/**
	 * Counted once the transaction has committed: a step rolled back and retried is
	 * counted once.
	 */
	void count(Map<String, Integer> unitsBySku) {
		Map<String, Integer> units = Map.copyOf(unitsBySku);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			units.forEach((sku, quantity) -> counter(sku).increment(quantity));
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				units.forEach((sku, quantity) -> counter(sku).increment(quantity));
			}
		});
	}

	private Counter counter(String sku) {
		return Counter.builder(METRIC)
			.description("Units a late commit could not take off the shelf: reserved by other orders after the "
					+ "reservation expired")
			.tag("sku", sku)
			.register(meters);
	}

}
