package com.example.food.inventory.reservation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * A reservation names SKUs that are not on the menu. 422, not 409: the request is
 * well-formed but can never succeed as it is, whatever the stock.
 */
class UnknownProducts extends ProblemException {

	UnknownProducts(Collection<String> skus) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
				"Not on the menu: " + String.join(", ", sorted(skus)) + "; nothing was reserved.",
				Map.of("skus", sorted(skus)));
	}

	private static List<String> sorted(Collection<String> skus) {
		return skus.stream().sorted().toList();
	}

}
