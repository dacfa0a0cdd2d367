package com.example.food.order;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * Some SKUs are not on the menu. A mistake in the request, not a state of the world: no
 * order is kept.
 */
public class UnknownProducts extends ProblemException {

	UnknownProducts(List<String> skus) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product", "Unknown product",
				"Not on the menu: " + String.join(", ", skus)
						+ ". No order was placed; GET /products on inventory lists the menu.",
				Map.of("skus", List.copyOf(skus)));
	}

}
