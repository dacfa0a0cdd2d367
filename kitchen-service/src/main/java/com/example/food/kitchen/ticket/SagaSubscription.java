package com.example.food.kitchen.ticket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.PaymentCompleted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What the kitchen hears of the saga, and so what its queue {@code kitchen.events} is
 * bound to: a paid order becomes a ticket; a request to cancel an order gets the
 * kitchen's answer. Each handler is a step of {@link Kitchen}. order.cancelled is not
 * bound: an order is cancelled either by the kitchen's own decision (granted, rejected)
 * or after its meal was made (no courier), so the kitchen has nothing to undo.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscription {

	@Bean
	EventHandlers eventHandlers(Kitchen kitchen) {
		return EventHandlers.builder()
			// payment.completed -> open ticket: accept or reject
			// the order; answers ticket.accepted or ticket.rejected
			.on(PaymentCompleted.class, "open ticket", kitchen::openTicket)
			// order.cancellation-requested -> answer cancellation:
			// answers ticket.cancelled or ticket.cancellation-refused
			.on(OrderCancellationRequested.class, "answer cancellation", kitchen::answerCancellation)
			.build();
	}

}
