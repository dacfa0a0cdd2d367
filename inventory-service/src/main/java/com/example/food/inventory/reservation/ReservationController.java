package com.example.food.inventory.reservation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

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

/** The synchronous step of an order: order-service reserves here, and releases if it must. */
@RestController
@RequestMapping("/reservations")
class ReservationController {

	private final StockReservations reservations;

	private final FailureSwitch failures;

	ReservationController(StockReservations reservations, FailureSwitch failures) {
		this.reservations = reservations;
		this.failures = failures;
	}

	/** 201 for a new reservation; 200 with the stored one when the order already has one (a retry). */
	@PostMapping
	ResponseEntity<Reservation> reserve(@Valid @RequestBody ReservationRequest request) {
		// The teaching switch wraps the use case here, at the edge: the use case itself stays honest.
		failures.beforeReservation(request.orderId());
		ReservationOutcome outcome = reservations.reserve(request.orderId(), request.quantitiesBySku());
		failures.afterReservationCommitted(request.orderId());
		return switch (outcome) {
			case Reserved(Reservation reservation) ->
				ResponseEntity.created(URI.create("/reservations/" + reservation.orderId())).body(reservation);
			case AlreadyKnown(Reservation reservation) -> ResponseEntity.ok(reservation);
		};
	}

	@GetMapping("/{orderId}")
	Reservation get(@PathVariable UUID orderId) {
		return reservations.find(orderId);
	}

	/** Gives the stock back; idempotent, and safe for an order that never reserved (see StockReservations). */
	@DeleteMapping("/{orderId}")
	Reservation release(@PathVariable UUID orderId) {
		return reservations.release(orderId);
	}
}
