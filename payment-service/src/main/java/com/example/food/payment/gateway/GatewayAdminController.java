package com.example.food.payment.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated gateway for operators and learners (under /admin: HTTP Basic, see
 * AdminSecurityConfiguration): its ledger, and its faults.
 */
@Tag(name = "Payment gateway (admin)",
		description = "The simulated gateway's ledger, and faults that make it slow or "
				+ "lose its answers, to watch payment retry with the same idempotency key")
@RestController
@RequestMapping("/admin/gateway")
class GatewayAdminController {

	/** How many entries the ledger shows without an order id. */
	private static final int RECENT = 100;

	/**
	 * The new faults, replacing the old ones; a member left out is off, so that
	 * {@code {"failNext": 1}} means exactly that. The delay is capped at a minute: longer
	 * only ties up threads.
	 */
	record FaultSettings(
			@Schema(type = "string", format = "duration",
					example = "PT2S") @Nullable @DurationMin(millis = 0) @DurationMax(minutes = 1) Duration delay,
			@Schema(example = "1") @Nullable @PositiveOrZero @Max(1000) Integer failNext) {

		GatewayFaults toFaults() {
			return new GatewayFaults(delay == null ? Duration.ZERO : delay, failNext == null ? 0 : failNext);
		}
	}

	private final GatewayFaultSwitch faults;

	private final GatewayLedger ledger;

	GatewayAdminController(GatewayFaultSwitch faults, GatewayLedger ledger) {
		this.faults = faults;
		this.ledger = ledger;
	}

	@Operation(summary = "The current faults")
	@GetMapping("/faults")
	GatewayFaults faults() {
		return faults.current();
	}

	@Operation(summary = "Replace the faults", description = "`delay` (ISO-8601, e.g. `PT2S`, at most a minute): each "
			+ "call waits this long first; `failNext`: the next n calls fail AFTER the ledger recorded them (the "
			+ "operation happened, the answer is lost). A member left out is off. Lives in this process's memory.")
	@ApiResponse(responseCode = "200", description = "The faults now in force")
	@ApiResponse(responseCode = "400",
			description = "`invalid-request` (a negative or too long delay, a negative "
					+ "count) or `malformed-request` (not a duration)")
	@PutMapping("/faults")
	GatewayFaults setFaults(@Valid @RequestBody FaultSettings settings) {
		return faults.set(settings.toFaults());
	}

	@Operation(summary = "Switch every fault off")
	@DeleteMapping("/faults")
	GatewayFaults reset() {
		return faults.set(GatewayFaults.NONE);
	}

	@Operation(summary = "The ledger",
			description = "What the gateway did, one entry per idempotency key "
					+ "(`<order id>:authorize`, `:capture`, `:void`, `:refund`): the entries of one order, or the "
					+ RECENT + " most recent")
	@ApiResponse(responseCode = "200", description = "The entries, oldest first for one order, newest first otherwise")
	@ApiResponse(responseCode = "400", description = "`invalid-request`: the order id is not a UUID")
	@GetMapping("/ledger")
	List<LedgerEntry> ledger(@Parameter(description = "Only this order's entries") @RequestParam(
			required = false) @Nullable UUID orderId) {
		return orderId == null ? ledger.recent(RECENT) : ledger.ofOrder(orderId);
	}

}
