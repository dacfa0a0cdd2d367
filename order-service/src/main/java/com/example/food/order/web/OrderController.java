package com.example.food.order.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.example.food.order.OrderManagement;
import com.example.food.order.OrderStatus;

/**
 * The order API. Failures are problem details (RFC 9457) from the shared advice: the use cases
 * throw them as exceptions named after what happened ({@code StockInsufficient}, ...).
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	/** More would make one request slow and its answer large; a client pages instead. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderManagement orders;

	OrderController(OrderManagement orders) {
		this.orders = orders;
	}

	/**
	 * 201 with the new order; 200 with the order as it stands when the same Idempotency-Key and
	 * request come again (nothing is placed twice).
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			UriComponentsBuilder uris) {
		OrderManagement.Placed placed = orders.place(request.toCommand(), idempotencyKey);
		URI location = uris.path("/orders/{id}").buildAndExpand(placed.order().id()).toUri();
		OrderView view = OrderView.of(placed.order());
		return placed.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping("/{id}")
	OrderView find(@PathVariable UUID id) {
		return OrderView.of(orders.find(id));
	}

	/** Newest first, optionally only those in one status; {@code size} is capped at {@value #MAX_PAGE_SIZE}. */
	@GetMapping
	OrderPage list(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size) {
		return OrderPage.of(orders.list(status, page, Math.min(size, MAX_PAGE_SIZE)));
	}

	/**
	 * Every step of the order's saga, from every service, oldest first (by when it happened, then by
	 * when it was written); 404 for an unknown order.
	 */
	@GetMapping("/{id}/timeline")
	List<TimelineView> timeline(@PathVariable UUID id) {
		return orders.timeline(id).stream().map(TimelineView::of).toList();
	}

	/** 200 with the cancelled order, also when it was already cancelled; 409 once the kitchen has accepted it. */
	@PostMapping("/{id}/cancel")
	OrderView cancel(@PathVariable UUID id) {
		return OrderView.of(orders.cancel(id));
	}
}
