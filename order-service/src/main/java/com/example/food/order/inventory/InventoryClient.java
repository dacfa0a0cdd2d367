package com.example.food.order.inventory;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Inventory's HTTP API as far as this service uses it. Feign turns the interface into
 * HTTP calls; {@link InventoryErrorDecoder} turns its error statuses into exceptions, and
 * {@link InventoryGateway} is the only caller, adding retries and a circuit breaker.
 */
@FeignClient(name = "inventory", url = "${food.inventory.url}", configuration = InventoryClientConfiguration.class)
interface InventoryClient {

	/**
	 * Idempotent on the order id: a repeated request returns the reservation as stored
	 * (200).
	 */
	@PostMapping(path = "/reservations", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Reservation reserve(@RequestBody ReservationRequest request);

}
