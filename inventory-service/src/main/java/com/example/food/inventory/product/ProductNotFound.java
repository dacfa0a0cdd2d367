package com.example.food.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No product with this SKU is on the menu. */
class ProductNotFound extends ProblemException {

	private final String sku;

	ProductNotFound(String sku) {
		super("There is no product with SKU " + sku + ".");
		this.sku = sku;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String type() {
		return "product-not-found";
	}

	@Override
	public String title() {
		return "Product not found";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("sku", sku);
	}
}
