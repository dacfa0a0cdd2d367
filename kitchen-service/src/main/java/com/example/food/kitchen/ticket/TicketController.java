package com.example.food.kitchen.ticket;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The kitchen's side of an order, open to everyone: {@code GET /tickets?orderId=...}. */
@Tag(name = "Tickets", description = "The kitchen's side of an order")
@RestController
class TicketController {

	private final Tickets tickets;

	TicketController(Tickets tickets) {
		this.tickets = tickets;
	}

	/** One ticket per order, so the order id finds it. */
	@Operation(summary = "The ticket of an order",
			description = "`ACCEPTED`, `REJECTED` (with its reason), "
					+ "`PREPARED` or `CANCELLED`; its lines and when it is ready")
	@ApiResponse(responseCode = "200", description = "The ticket")
	@ApiResponse(responseCode = "404",
			description = "`ticket-not-found`: the kitchen has not heard of the order, or " + "not yet")
	@GetMapping("/tickets")
	TicketView byOrder(@RequestParam UUID orderId) {
		return tickets.findByOrderId(orderId).map(TicketView::of).orElseThrow(() -> new TicketNotFound(orderId));
	}

}
