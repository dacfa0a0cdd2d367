package com.example.food.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** A stock count lower than what is already promised to orders. */
class StockBelowReserved extends ProblemException {

	private final Product product;

	private final int onHand;

	StockBelowReserved(Product product, int onHand) {
		super(product.reserved() + " of " + product.sku() + " are reserved for orders; the stock on hand cannot be set to "
				+ onHand + " until enough of them are released.");
		this.product = product;
		this.onHand = onHand;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String type() {
		return "stock-below-reserved";
	}

	@Override
	public String title() {
		return "Stock below reserved";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("sku", product.sku(), "onHand", onHand, "reserved", product.reserved());
	}
}
