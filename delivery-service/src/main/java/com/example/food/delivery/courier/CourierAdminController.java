package com.example.food.delivery.courier;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The courier pool, for operators and for teaching the "no courier" failure (under
 * /admin: HTTP Basic, see AdminSecurityConfiguration).
 */
@Tag(name = "Couriers (admin)", description = "The courier pool: empty it to watch the saga fail for want of a courier")
@RestController
@RequestMapping("/admin/couriers")
class CourierAdminController {

	/** {@code false} takes the courier off duty, {@code true} puts them back on duty. */
	record Availability(@NotNull Boolean available) {
	}

	/** A courier to add to the pool. */
	record Hire(@NotBlank @Size(max = 32) String id, @NotBlank @Size(max = 100) String name) {
	}

	private final CourierAdministration administration;

	CourierAdminController(CourierAdministration administration) {
		this.administration = administration;
	}

	@Operation(summary = "The pool", description = "Who is on duty, who is free, and the delivery a courier is out on")
	@GetMapping
	List<CourierView> pool() {
		return administration.pool();
	}

	@Operation(summary = "Hire a courier")
	@ApiResponse(responseCode = "201", description = "Hired, on duty")
	@ApiResponse(responseCode = "409", description = "`courier-already-hired`: the id is taken")
	@PostMapping
	ResponseEntity<CourierView> hire(@Valid @RequestBody Hire hire) {
		return ResponseEntity.status(HttpStatus.CREATED).body(administration.hire(hire.id(), hire.name()));
	}

	@Operation(summary = "Every courier off duty", description = "Couriers out on a delivery finish it first")
	@PostMapping("/empty")
	List<CourierView> empty() {
		return administration.empty();
	}

	@Operation(summary = "Every courier on duty again")
	@PostMapping("/refill")
	List<CourierView> refill() {
		return administration.refill();
	}

	@Operation(summary = "One courier off duty, or back on")
	@ApiResponse(responseCode = "200", description = "The courier")
	@ApiResponse(responseCode = "404", description = "`courier-not-found`")
	@PutMapping("/{id}")
	CourierView setAvailability(@PathVariable String id, @Valid @RequestBody Availability availability) {
		return administration.setOnDuty(id, availability.available());
	}

}
