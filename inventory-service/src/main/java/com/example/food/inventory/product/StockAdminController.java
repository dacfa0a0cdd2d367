package com.example.food.inventory.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counting the stock, for operators (under /admin: HTTP Basic, see
 * AdminSecurityConfiguration).
 */
@Tag(name = "Stock (admin)", description = "Count what is on the shelf")
@RestController
class StockAdminController {

	/**
	 * The new count of what is physically there; the upper bound keeps reserved +
	 * quantity within an integer.
	 */
	record StockCount(@NotNull @PositiveOrZero @Max(1_000_000) Integer onHand) {
	}

	private final StockAdministration stock;

	StockAdminController(StockAdministration stock) {
		this.stock = stock;
	}

	@Operation(summary = "Set what is physically on the shelf",
			description = "`available` follows: `onHand` minus " + "`reserved`")
	@ApiResponse(responseCode = "200", description = "The product with its new stock")
	@ApiResponse(responseCode = "404", description = "`product-not-found`")
	@ApiResponse(responseCode = "409", description = "`stock-below-reserved`: less than is already reserved for orders")
	@PutMapping("/admin/products/{sku}/stock")
	ProductView changeOnHand(@PathVariable String sku, @Valid @RequestBody StockCount count) {
		return ProductView.of(stock.changeOnHand(sku, count.onHand()));
	}

}
