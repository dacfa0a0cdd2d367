package com.example.food.order.inventory;

import java.util.List;

/** Inventory answered 422 unknown-product: the request is wrong, so repeating it cannot help. */
class ProductsUnknown extends RuntimeException {

	private final List<String> skus;

	ProductsUnknown(List<String> skus) {
		super("inventory does not know " + skus, null, false, false);
		this.skus = List.copyOf(skus);
	}

	List<String> skus() {
		return skus;
	}
}
