package com.example.food.kitchen.ticket;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The kitchen's side of an order, open to everyone: {@code GET /tickets?orderId=...}. */
@RestController
class TicketController {

	private final Tickets tickets;

	TicketController(Tickets tickets) {
		this.tickets = tickets;
	}

	/** One ticket per order, so the order id finds it. */
	@GetMapping("/tickets")
	TicketView byOrder(@RequestParam UUID orderId) {
		return tickets.findByOrderId(orderId).map(TicketView::of).orElseThrow(() -> new TicketNotFound(orderId));
	}
}
