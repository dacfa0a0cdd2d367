package com.example.food.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What payment reacts to. This list is also its subscription: the queue payment.events is bound
 * to exactly order.placed, ticket.accepted and order.cancelled (see EventHandlers).
 */
@Configuration(proxyBeanMethods = false)
class PaymentEvents {

	@Bean
	EventHandlers paymentEventHandlers(PaymentManagement payments) {
		return EventHandlers.builder()
			.on(OrderPlaced.class, "authorize", payments::authorize)
			.on(TicketAccepted.class, "capture", payments::capture)
			.on(OrderCancelled.class, "void or refund", payments::voidOrRefund)
			.build();
	}
}
