package com.example.food.order.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.food.events.DeliveryAddress;
import com.example.food.order.PlaceOrder;

/**
 * The body of {@code POST /orders}. Every field is checked before anything else happens,
 * and each invalid one is named in the 400 answer. The limits match the database columns,
 * and keep one order to what a kitchen can sensibly make.
 */
record PlaceOrderRequest(@NotBlank @Size(max = 64) String customerId,
		@NotEmpty @Size(max = 20, message = "too many lines: at most {max} per order") List<@NotNull @Valid Line> lines,
		@NotNull @Valid Address deliveryAddress, @NotBlank @Size(max = 100) String paymentToken) {

	record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(50) Integer quantity) {

	}

	record Address(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
			@NotBlank @Size(max = 20) String postcode) {

	}

	PlaceOrder toCommand() {
		return new PlaceOrder(customerId,
				lines.stream().map(line -> new PlaceOrder.Line(line.sku(), line.quantity())).toList(),
				new DeliveryAddress(deliveryAddress.street(), deliveryAddress.city(), deliveryAddress.postcode()),
				paymentToken);
	}
}
