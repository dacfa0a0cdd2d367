package com.example.food.inventory.failure;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * A 503 on purpose, from the failure switch: a transient failure, so a client may retry.
 */
class InventoryFailureInjected extends ProblemException {

	InventoryFailureInjected() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "inventory-failure-injected", "Inventory failure injected",
				"Inventory failed on purpose (failure switch at /admin/failures); nothing was reserved.");
	}

}
