package com.example.food.order.inventory;

/**
 * Inventory answered with a refusal about the order itself (409 stock-insufficient, 422
 * unknown-product): a business answer, neither retried nor counted as a failure. Thrown
 * by the error decoder only to leave Feign's call; the gateway returns the outcome it
 * carries.
 */
class InventoryRefused extends RuntimeException {

	private final ReservationOutcome outcome;

	InventoryRefused(ReservationOutcome outcome) {
		super("inventory refused: " + outcome, null, false, false);
		this.outcome = outcome;
	}

	ReservationOutcome outcome() {
		return outcome;
	}

}
