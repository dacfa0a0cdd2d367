package com.example.food.inventory.reservation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What inventory hears of the saga, and its subscription: the queue
 * {@code inventory.events} is bound to exactly these routing keys. Each handler is a step
 * of {@link MealStock} and runs in the transaction that also records the event as
 * processed, so a duplicate delivery never reaches it; {@link MealStock} makes each step
 * a state machine that spends stock exactly when food is made, whatever order the events
 * arrive in, and says in the log what it ignored on purpose.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscription {

	@Bean
	EventHandlers eventHandlers(MealStock stock) {
		return EventHandlers.builder()
			// ticket.accepted -> commit reservation: the
			// kitchen is making the meal, the stock is spent
			.on(TicketAccepted.class, "commit reservation", stock::commitReservation)
			// order.cancelled -> settle reservation: spent if the
			// meal was made (NO_COURIER), else back on the shelf
			.on(OrderCancelled.class, "settle reservation", stock::settleReservation)
			.build();
	}

}
