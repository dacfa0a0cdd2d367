package com.example.food.inventory.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an operator does to the stock: count what is on the shelf and say so. */
@Service
class StockAdministration {

	private static final Logger log = LoggerFactory.getLogger(StockAdministration.class);

	private final Products products;

	StockAdministration(Products products) {
		this.products = products;
	}

	/**
	 * Sets the stock on hand. Refused below what is reserved: those items are promised to
	 * orders, and a count that small means they must be released (or the count is wrong)
	 * first.
	 */
	@Transactional
	Product changeOnHand(String sku, int onHand) {
		if (products.changeOnHand(sku, onHand)) {
			Product product = products.find(sku).orElseThrow();
			log.info("Stock of {} set to {} on hand ({} reserved)", sku, onHand, product.reserved());
			return product;
		}
		Product product = products.find(sku).orElseThrow(() -> new ProductNotFound(sku));
		throw new StockBelowReserved(product, onHand);
	}

}
