package com.example.food.inventory.product;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No product with this SKU is on the menu. */
class ProductNotFound extends ProblemException {

	ProductNotFound(String sku) {
		super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found",
				"There is no product with SKU " + sku + ".", Map.of("sku", sku));
	}

}
