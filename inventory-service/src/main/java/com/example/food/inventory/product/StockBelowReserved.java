package com.example.food.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** A stock count lower than what is already promised to orders. */
class StockBelowReserved extends ProblemException {

	StockBelowReserved(Product product, int onHand) {
		super(HttpStatus.CONFLICT, "stock-below-reserved", "Stock below reserved",
				product.reserved() + " of " + product.sku()
						+ " are reserved for orders; the stock on hand cannot be set to " + onHand
						+ " until enough of them are released.",
				Map.of("sku", product.sku(), "onHand", onHand, "reserved", product.reserved()));
	}

}
