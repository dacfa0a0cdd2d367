package com.example.food.delivery.courier;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
 * The courier pool, for operators and for teaching the "no courier" failure (under /admin: HTTP
 * Basic, see AdminSecurityConfiguration).
 */
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

	@GetMapping
	List<CourierView> pool() {
		return administration.pool();
	}

	@PostMapping
	ResponseEntity<CourierView> hire(@Valid @RequestBody Hire hire) {
		return ResponseEntity.status(HttpStatus.CREATED).body(administration.hire(hire.id(), hire.name()));
	}

	@PostMapping("/empty")
	List<CourierView> empty() {
		return administration.empty();
	}

	@PostMapping("/refill")
	List<CourierView> refill() {
		return administration.refill();
	}

	@PutMapping("/{id}")
	CourierView setAvailability(@PathVariable String id, @Valid @RequestBody Availability availability) {
		return administration.setOnDuty(id, availability.available());
	}
}
