package com.example.food.inventory.reservation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * A reservation names SKUs that are not on the menu. 422, not 409: the request is well-formed but
 * can never succeed as it is, whatever the stock.
 */
class UnknownProducts extends ProblemException {

	private final List<String> skus;

	UnknownProducts(Collection<String> skus) {
		super("Not on the menu: " + String.join(", ", skus.stream().sorted().toList()) + "; nothing was reserved.");
		this.skus = skus.stream().sorted().toList();
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
