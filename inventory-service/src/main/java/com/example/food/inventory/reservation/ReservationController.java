package com.example.food.inventory.reservation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.inventory.failure.FailureSwitch;
import com.example.food.inventory.reservation.ReservationOutcome.AlreadyKnown;
import com.example.food.inventory.reservation.ReservationOutcome.Reserved;

/**
 * The synchronous step of an order: order-service reserves here, and releases if it must.
 */
@Tag(name = "Reservations", description = "The synchronous step of an order: order-service reserves here over REST")
@RestController
@RequestMapping("/reservations")
class ReservationController {

	private final StockReservations reservations;

	private final FailureSwitch failures;

	ReservationController(StockReservations reservations, FailureSwitch failures) {
		this.reservations = reservations;
		this.failures = failures;
	}

	@Operation(summary = "Reserve the stock of an order", description = "Idempotent on `orderId`: a retry gets the "
			+ "reservation made the first time. The failure switch (`/admin/failures`) can make this slow, fail or "
			+ "lose its answer.")
	@ApiResponse(responseCode = "201", description = "Reserved")
	@ApiResponse(responseCode = "200", description = "The order already has this reservation (a retry)")
	@ApiResponse(responseCode = "409",
			description = "`stock-insufficient` (`shortages`), or `reservation-conflict`: "
					+ "the order id already reserved other lines")
	@ApiResponse(responseCode = "422", description = "`unknown-product`: `skus` names them")
	@ApiResponse(responseCode = "503",
			description = "`inventory-failure-injected`: the failure switch is on; " + "nothing was reserved")
	@PostMapping
	ResponseEntity<Reservation> reserve(@Valid @RequestBody ReservationRequest request) {
		// The teaching switch wraps the use case here,
		// at the edge: the use case itself stays honest.
		failures.beforeReservation(request.orderId());
		ReservationOutcome outcome = reservations.reserve(request.orderId(), request.quantitiesBySku());
		failures.afterReservationCommitted(request.orderId());
		return switch (outcome) {
			case Reserved(Reservation reservation) ->
				ResponseEntity.created(URI.create("/reservations/" + reservation.orderId())).body(reservation);
			case AlreadyKnown(Reservation reservation) -> ResponseEntity.ok(reservation);
		};
	}

	@Operation(summary = "The reservation of an order",
			description = "`RESERVED`, `COMMITTED` (the meal is "
					+ "made: the stock is spent), `RELEASED` or `EXPIRED`")
	@ApiResponse(responseCode = "200", description = "The reservation")
	@ApiResponse(responseCode = "404", description = "`reservation-not-found`")
	@GetMapping("/{orderId}")
	Reservation get(@PathVariable UUID orderId) {
		return reservations.find(orderId);
	}

	/** Idempotent, and safe for an order that never reserved (see StockReservations). */
	@Operation(summary = "Release the reservation of an order",
			description = "Gives the stock back, as " + "order.cancelled does")
	@ApiResponse(responseCode = "200", description = "The reservation, `RELEASED`")
	@ApiResponse(responseCode = "409",
			description = "`reservation-committed`: the stock is spent; only "
					+ "order.cancelled, whose reason says whether the meal was made, can put it back")
	@DeleteMapping("/{orderId}")
	Reservation release(@PathVariable UUID orderId) {
		return reservations.release(orderId);
	}

}
