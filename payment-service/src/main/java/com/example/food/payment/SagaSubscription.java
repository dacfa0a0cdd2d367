package com.example.food.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What payment hears of the saga: a placed order to hold money for, the kitchen's
 * acceptance to take it, a cancellation to give it back. This list is also its
 * subscription: the queue {@code payment.events} is bound to exactly these routing keys.
 * Each handler is a step of {@link PaymentManagement}.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscription {

	@Bean
	EventHandlers eventHandlers(PaymentManagement payments) {
		return EventHandlers.builder()
			// order.placed -> authorize: hold the money;
			// answers payment.completed or payment.failed
			.on(OrderPlaced.class, "authorize", payments::authorize)
			// ticket.accepted -> capture: the kitchen is cooking,
			// take the money held; answers payment.captured
			.on(TicketAccepted.class, "capture", payments::capture)
			// order.cancelled -> void or refund: undo the hold or
			// the charge; answers payment.voided or payment.refunded
			.on(OrderCancelled.class, "void or refund", payments::voidOrRefund)
			.build();
	}

}
