package com.example.food.order.sagaview;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the saga view's order form needs and anyone may read: inventory's menu, fetched through
 * order-service so that the page talks to one origin only.
 */
@RestController
@Tag(name = "Saga view", description = "The page at /saga-view/ and what it reads")
class SagaViewController {

	private final ServiceCalls calls;

	SagaViewController(ServiceCalls calls) {
		this.calls = calls;
	}

	/** Inventory's {@code GET /products} as it answered: each product's sku, name, price and stock. */
	@Operation(summary = "The menu (inventory's products), for the saga view's form")
	@GetMapping("/saga-view/products")
	ResponseEntity<byte[]> products() {
		return calls.call("inventory", HttpMethod.GET, "/products", Map.of(), null, null, null).toResponse();
	}
}
