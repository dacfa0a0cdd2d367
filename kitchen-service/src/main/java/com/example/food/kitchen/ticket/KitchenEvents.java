package com.example.food.kitchen.ticket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What the kitchen listens to, and so what its queue {@code kitchen.events} is bound to: a paid
 * order becomes a ticket; a cancelled one drops it.
 */
@Configuration(proxyBeanMethods = false)
class KitchenEvents {

	@Bean
	EventHandlers kitchenEventHandlers(Kitchen kitchen) {
		return EventHandlers.builder()
			.on(PaymentCompleted.class, "open ticket", kitchen::openTicket)
			.on(OrderCancelled.class, "cancel ticket", kitchen::cancelTicket)
			.build();
	}
}
