package com.example.food.kitchen.availability;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teaching switch "the kitchen cannot make this dish" (under /admin: HTTP Basic, see
 * AdminSecurityConfiguration). A paid order with any of these SKUs gets its ticket
 * rejected, and the saga compensates: the order is cancelled, the payment refunded, the
 * stock released. Every call answers with the whole list as it now is.
 */
@Tag(name = "Unavailable dishes (admin)",
		description = "Make the kitchen reject a paid order: the saga then refunds " + "and releases")
@RestController
@RequestMapping("/admin/kitchen/unavailable-skus")
class UnavailableSkusAdminController {

	private static final Logger log = LoggerFactory.getLogger(UnavailableSkusAdminController.class);

	private final UnavailableSkus unavailableSkus;

	UnavailableSkusAdminController(UnavailableSkus unavailableSkus) {
		this.unavailableSkus = unavailableSkus;
	}

	@Operation(summary = "The SKUs the kitchen cannot make now")
	@GetMapping
	List<String> list() {
		return unavailableSkus.all();
	}

	@Operation(summary = "Replace the list",
			description = "`[\"LASAGNA\"]` makes exactly LASAGNA unavailable, `[]` " + "everything available again")
	@PutMapping
	List<String> replace(@RequestBody @NotNull @Size(max = 100) List<@NotBlank @Size(max = 64) String> skus) {
		unavailableSkus.replaceWith(skus);
		return changed();
	}

	@Operation(summary = "Mark one SKU unavailable", description = "Repeating it changes nothing")
	@PutMapping("/{sku}")
	List<String> add(@PathVariable @NotBlank @Size(max = 64) String sku) {
		unavailableSkus.add(sku);
		return changed();
	}

	@Operation(summary = "Make one SKU available again", description = "Repeating it changes nothing")
	@DeleteMapping("/{sku}")
	List<String> remove(@PathVariable @Size(max = 64) String sku) {
		unavailableSkus.remove(sku);
		return changed();
	}

	private List<String> changed() {
		List<String> now = unavailableSkus.all();
		log.info("Kitchen: unavailable SKUs are now {}", now);
		return now;
	}

}
