package com.example.food.inventory.reservation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * Inventory's part of the saga, and its subscription: the queue {@code inventory.events} is bound to
 * exactly these routing keys. Each handler runs in the transaction that also records the event as
 * processed, so a duplicate delivery never reaches it; {@link MealStock} makes each step a state
 * machine that spends stock exactly when food is made, whatever order the events arrive in, and says
 * in the log what it ignored on purpose.
 */
@Configuration(proxyBeanMethods = false)
class ReservationEvents {

	@Bean
	EventHandlers inventoryEvents(MealStock stock) {
		return EventHandlers.builder()
			// Saga step ticket.accepted -> commit: the kitchen is making the meal, the stock is spent.
			.on(TicketAccepted.class, "commit reservation",
					(accepted, envelope) -> stock.kitchenAccepted(envelope.orderId()))
			// Saga step order.cancelled -> settle: the reason says whether the meal was made (NO_COURIER):
			// then the stock is spent like on ticket.accepted; otherwise it goes back on the shelf, spent or not.
			.on(OrderCancelled.class, "settle reservation",
					(cancelled, envelope) -> stock.orderCancelled(envelope.orderId(), cancelled.reason()))
			.build();
	}
}
