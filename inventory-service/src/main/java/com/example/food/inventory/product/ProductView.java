package com.example.food.inventory.product;

import java.math.BigDecimal;

/**
 * A product as the API shows it: the stock figures and, first, what a customer can still
 * order.
 */
record ProductView(String sku, String name, BigDecimal price, int available, int onHand, int reserved) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.price(), product.available(), product.onHand(),
				product.reserved());
	}
}
