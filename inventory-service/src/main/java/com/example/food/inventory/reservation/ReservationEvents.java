package com.example.food.inventory.reservation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * Inventory's part of the saga, and its subscription: the queue {@code inventory.events} is bound to
 * exactly these routing keys. Each handler runs in the transaction that also records the event as
 * processed, so a duplicate delivery never reaches it; {@link StockReservations} makes each step a
 * state machine that ignores, on purpose and in the log, an event that comes too late or too early.
 */
@Configuration(proxyBeanMethods = false)
class ReservationEvents {

	@Bean
	EventHandlers inventoryEvents(StockReservations reservations) {
		return EventHandlers.builder()
			// Saga step ticket.accepted -> commit: the kitchen took the order, the stock it held is spent.
			.on(TicketAccepted.class, "commit reservation", (accepted, envelope) -> reservations.commit(envelope.orderId()))
			// Saga step order.cancelled -> release: the order is over without a meal; stock still held
			// goes back on the shelf, stock already spent does not.
			.on(OrderCancelled.class, "release reservation",
					(cancelled, envelope) -> reservations.releaseForCancelledOrder(envelope.orderId()))
			.build();
	}
}
