package com.example.food.order;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** Some SKUs are not on the menu. A mistake in the request, not a state of the world: no order is kept. */
public class UnknownProducts extends ProblemException {

	private final List<String> skus;

	UnknownProducts(List<String> skus) {
		super("Not on the menu: " + String.join(", ", skus) + ". No order was placed; GET /products on inventory lists the menu.");
		this.skus = List.copyOf(skus);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

	@Override
	public String type() {
		return "unknown-product";
	}

	@Override
	public String title() {
		return "Unknown product";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("skus", skus);
	}
}
