package com.example.food.delivery;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.delivery.courier.Courier;
import com.example.food.delivery.courier.Couriers;

/**
 * The deliveries, open to everyone: where an order's delivery stands, who carries it, how
 * often a courier was sought.
 */
@Tag(name = "Deliveries", description = "Where an order's delivery stands and who carries it")
@RestController
@RequestMapping("/deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	private final Couriers couriers;

	DeliveryController(Deliveries deliveries, Couriers couriers) {
		this.deliveries = deliveries;
		this.couriers = couriers;
	}

	/** By order id, as the order id is what a learner has. */
	@Operation(summary = "The delivery of an order",
			description = "`WAITING_FOR_COURIER`, `ASSIGNED`, `DELIVERED` "
					+ "or `FAILED`; the courier and how often one was sought")
	@ApiResponse(responseCode = "200", description = "The delivery")
	@ApiResponse(responseCode = "404",
			description = "`delivery-not-found`: delivery has not heard of the order, or " + "not yet")
	@GetMapping
	DeliveryView ofOrder(@RequestParam UUID orderId) {
		return view(deliveries.findByOrderId(orderId).orElseThrow(() -> DeliveryNotFound.forOrder(orderId)));
	}

	@Operation(summary = "One delivery", description = "By the delivery id that the delivery events carry")
	@ApiResponse(responseCode = "200", description = "The delivery")
	@ApiResponse(responseCode = "404", description = "`delivery-not-found`")
	@GetMapping("/{id}")
	DeliveryView withId(@PathVariable UUID id) {
		return view(deliveries.findById(id).orElseThrow(() -> DeliveryNotFound.withId(id)));
	}

	private DeliveryView view(Delivery delivery) {
		String courierId = delivery.courierId();
		String courierName = courierId == null ? null : couriers.findById(courierId).map(Courier::name).orElse(null);
		return DeliveryView.of(delivery, courierName);
	}

}
