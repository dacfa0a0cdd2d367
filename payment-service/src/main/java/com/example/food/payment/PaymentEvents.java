package com.example.food.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What payment reacts to. This list is also its subscription: the queue payment.events is
 * bound to exactly order.placed and order.cancelled (see EventHandlers).
 */
@Configuration(proxyBeanMethods = false)
class PaymentEvents {

	@Bean
	EventHandlers paymentEventHandlers(PaymentManagement payments) {
		return EventHandlers.builder()
			.on(OrderPlaced.class, "charge", payments::charge)
			.on(OrderCancelled.class, "refund", payments::refundIfCharged)
			.build();
	}
}
