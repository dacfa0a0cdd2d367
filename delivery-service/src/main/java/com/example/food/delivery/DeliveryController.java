package com.example.food.delivery;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.delivery.courier.Courier;
import com.example.food.delivery.courier.Couriers;

/** The deliveries, open to everyone: where an order's delivery stands, who carries it, how often a courier was sought. */
@RestController
@RequestMapping("/deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	private final Couriers couriers;

	DeliveryController(Deliveries deliveries, Couriers couriers) {
		this.deliveries = deliveries;
		this.couriers = couriers;
	}

	/** {@code GET /deliveries?orderId=...}: the delivery of an order, as the order id is what a learner has. */
	@GetMapping
	DeliveryView ofOrder(@RequestParam UUID orderId) {
		return view(deliveries.findByOrderId(orderId).orElseThrow(() -> DeliveryNotFound.forOrder(orderId)));
	}

	/** {@code GET /deliveries/{id}}: by the delivery id the delivery events carry. */
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
