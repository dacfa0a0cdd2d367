package com.example.food.order.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import com.example.food.order.OrderPlacement;
import com.example.food.order.OrderStatus;

/**
 * The order API. Failures are problem details (RFC 9457) from the shared advice: the use
 * cases throw them as exceptions named after what happened ({@code StockInsufficient},
 * ...).
 */
@Tag(name = "Orders", description = "Place an order, follow it through its saga, list and cancel orders")
@RestController
@RequestMapping("/orders")
class OrderController {

	/** More would make one request slow and its answer large; a client pages instead. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderPlacement placement;

	private final OrderManagement orders;

	OrderController(OrderPlacement placement, OrderManagement orders) {
		this.placement = placement;
		this.orders = orders;
	}

	@Operation(summary = "Place an order", description = """
			Reserves the stock at inventory-service (a synchronous call) and answers at once; payment, \
			kitchen and delivery follow as a saga on events: watch it with GET /orders/{id} and \
			/timeline. The payment token is a teaching switch: `tok_visa` is approved, `tok_declined` \
			and `tok_insufficient_funds` are declined.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "approved", summary = "201, then DELIVERED in about 12 s",
							value = PlaceOrderExamples.APPROVED),
					@ExampleObject(name = "declined", summary = "201, then CANCELLED: PAYMENT_DECLINED",
							value = PlaceOrderExamples.DECLINED),
					@ExampleObject(name = "not enough stock", summary = "409 stock-insufficient",
							value = PlaceOrderExamples.NOT_ENOUGH_STOCK),
					@ExampleObject(name = "unknown product", summary = "422 unknown-product",
							value = PlaceOrderExamples.UNKNOWN_PRODUCT) })))
	@ApiResponse(responseCode = "201",
			description = "Placed, its stock reserved: `AWAITING_PAYMENT`; `Location` " + "names the order")
	@ApiResponse(responseCode = "200",
			description = "The same Idempotency-Key and body again: the order placed the "
					+ "first time, as it stands now")
	@ApiResponse(responseCode = "400",
			description = "`invalid-request` (`errors` names each invalid field), "
					+ "`malformed-request`, or `invalid-idempotency-key`")
	@ApiResponse(responseCode = "409",
			description = "`stock-insufficient`: `shortages` lists each short SKU with "
					+ "`requested` and `available`; the order (`orderId`) is kept as `REJECTED`")
	@ApiResponse(responseCode = "422",
			description = "`unknown-product` (`skus` names them; nothing is kept), or "
					+ "`idempotency-key-reused` with another body")
	@ApiResponse(responseCode = "503", description = "`inventory-unavailable`: inventory failed or did not answer in "
			+ "time, or the circuit breaker is open; `Retry-After` says when to try again. The order (`orderId`) is "
			+ "kept as `CANCELLED`")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
			@Parameter(description = "Makes a retry safe: 1 to 255 characters, a new one for each new order",
					example = "order-7f3a9c") @RequestHeader(name = "Idempotency-Key",
							required = false) @Nullable String idempotencyKey,
			UriComponentsBuilder uris) {
		OrderPlacement.Placed placed = placement.place(request.toCommand(), idempotencyKey);
		URI location = uris.path("/orders/{id}").buildAndExpand(placed.order().id()).toUri();
		OrderView view = OrderView.of(placed.order());
		return placed.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@Operation(summary = "Get one order",
			description = "Its status, and `reason` and `reasonDetail` once it is " + "rejected or cancelled")
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "404", description = "`order-not-found`")
	@GetMapping("/{id}")
	OrderView find(@PathVariable UUID id) {
		return OrderView.of(orders.find(id));
	}

	@Operation(summary = "List orders, newest first",
			description = "Optionally only those in one status; `size` is " + "capped at " + MAX_PAGE_SIZE)
	@GetMapping
	OrderPage list(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size) {
		return OrderPage.of(orders.list(status, page, Math.min(size, MAX_PAGE_SIZE)));
	}

	@Operation(summary = "Follow an order's saga", description = """
			One entry per step, from every service: when it happened there (`occurredAt`) and when \
			order-service heard of it (`recordedAt`), the status after it, the reason, and facts that \
			came too late or too early (`ignored`, `ignoredBecause`).""")
	@ApiResponse(responseCode = "200",
			description = "The steps, oldest first: by when they happened, then by when " + "they were written")
	@ApiResponse(responseCode = "404", description = "`order-not-found`")
	@GetMapping("/{id}/timeline")
	List<TimelineView> timeline(@PathVariable UUID id) {
		return orders.timeline(id).stream().map(TimelineView::of).toList();
	}

	@Operation(summary = "Ask to cancel an order", description = """
			A request the kitchen answers, since only the kitchen knows whether the meal is prepared: \
			the order waits as `CANCELLING` meanwhile. Granted (no meal made), it ends `CANCELLED` \
			(`CUSTOMER_REQUEST`): the hold on the payment is voided or the capture refunded, and the \
			stock goes back. Refused (the meal is prepared), it returns to where the saga put it and \
			its timeline says why. Read the outcome with GET /orders/{id}. Asking again changes nothing.""")
	@ApiResponse(responseCode = "202",
			description = "The request is on its way to the kitchen: the order, "
					+ "`CANCELLING` (or as it stands, if it was already cancelling or cancelled)")
	@ApiResponse(responseCode = "404", description = "`order-not-found`")
	@ApiResponse(responseCode = "409",
			description = "`order-not-cancellable`: its meal is known to be prepared, "
					+ "or it was delivered or rejected (`orderStatus` says which)")
	@PostMapping("/{id}/cancel")
	ResponseEntity<OrderView> cancel(@PathVariable UUID id) {
		return ResponseEntity.accepted().body(OrderView.of(orders.requestCancellation(id)));
	}

}
