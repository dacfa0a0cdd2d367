package com.example.food.inventory.product;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The menu with its stock, open to everyone. */
@Tag(name = "Products", description = "The menu and its stock")
@RestController
@RequestMapping("/products")
class ProductController {

	private final Products products;

	ProductController(Products products) {
		this.products = products;
	}

	@Operation(summary = "The menu",
			description = "Each product with its price and stock: `available` is `onHand` "
					+ "minus `reserved`, what can still be ordered")
	@GetMapping
	List<ProductView> list() {
		return products.all().stream().map(ProductView::of).toList();
	}

	@Operation(summary = "One product")
	@ApiResponse(responseCode = "200", description = "The product")
	@ApiResponse(responseCode = "404", description = "`product-not-found`")
	@GetMapping("/{sku}")
	ProductView get(@PathVariable String sku) {
		return products.find(sku).map(ProductView::of).orElseThrow(() -> new ProductNotFound(sku));
	}

}
