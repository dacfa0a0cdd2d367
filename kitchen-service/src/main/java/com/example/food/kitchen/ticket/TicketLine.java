package com.example.food.kitchen.ticket;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

import com.example.food.events.OrderLine;

/**
 * One dish of a ticket, as it was paid for: the kitchen cooks that, whatever the menu
 * says later.
 */
@Embeddable
public record TicketLine(String sku, String name, int quantity, BigDecimal unitPrice) {

	static TicketLine of(OrderLine line) {
		return new TicketLine(line.sku(), line.name(), line.quantity(), line.unitPrice());
	}

	/** The line as the kitchen's events carry it on. */
	OrderLine toEvent() {
		return new OrderLine(sku, name, quantity, unitPrice);
	}
}
