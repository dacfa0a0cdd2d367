package com.example.food.sagaview;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the saga view reads and anyone may read: inventory's menu for its order form, and
 * each participant's record of an order, fetched through order-service so that the page
 * talks to one origin only.
 */
@RestController
@Tag(name = "Saga view", description = "The page at /saga-view/ and what it reads")
class SagaViewController {

	private final ServiceCalls calls;

	private final OrderParticipants participants;

	SagaViewController(ServiceCalls calls, OrderParticipants participants) {
		this.calls = calls;
		this.participants = participants;
	}

	/**
	 * Inventory's {@code GET /products} as it answered: each product's sku, name, price
	 * and stock.
	 */
	@Operation(summary = "The menu (inventory's products), for the saga view's form")
	@GetMapping("/saga-view/products")
	ResponseEntity<byte[]> products() {
		return calls.call("inventory", HttpMethod.GET, "/products", Map.of(), null, null, null).toResponse();
	}

	/**
	 * Inventory's reservation, the payment, the kitchen's ticket and the delivery of the
	 * order, each as its service shows it.
	 */
	@Operation(summary = "What each participant keeps about an order",
			description = "Asks inventory (GET /reservations/{orderId}), payment (GET /payments?orderId=), kitchen "
					+ "(GET /tickets?orderId=) and delivery (GET /deliveries?orderId=) at once. A service that has not "
					+ "heard of the order yet has no record (status 404); one that is down is unreachable.")
	@GetMapping("/saga-view/orders/{orderId}/participants")
	List<OrderParticipants.Participant> participants(@PathVariable UUID orderId) {
		return participants.of(orderId);
	}

}
