package com.example.food.inventory.product;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The menu with its stock, open to everyone. */
@RestController
@RequestMapping("/products")
class ProductController {

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@GetMapping
	List<ProductView> list() {
		return products.all().stream().map(ProductView::of).toList();
	}

	@GetMapping("/{sku}")
	ProductView get(@PathVariable String sku) {
		return products.find(sku).map(ProductView::of).orElseThrow(() -> new ProductNotFound(sku));
	}
}
