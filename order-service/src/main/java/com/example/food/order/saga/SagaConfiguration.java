package com.example.food.order.saga;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketRejected;
import com.example.food.infrastructure.messaging.EventHandlers;

/** What the order service hears of the saga, in one place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
class SagaConfiguration {

	/**
	 * The facts the order service reacts to; its queue {@code order.events} is bound to exactly these
	 * routing keys (the shared infrastructure declares it, and runs each handler in one transaction
	 * with the idempotent consumer's record of the event id).
	 */
	@Bean
	EventHandlers orderEvents(PaymentFacts payment, KitchenFacts kitchen, DeliveryFacts delivery) {
		return EventHandlers.builder()
			.on(PaymentCompleted.class, payment::on)
			.on(PaymentFailed.class, payment::on)
			.on(PaymentRefunded.class, payment::on)
			.on(TicketAccepted.class, kitchen::on)
			.on(TicketRejected.class, kitchen::on)
			.on(MealPrepared.class, kitchen::on)
			.on(DeliveryAssigned.class, delivery::on)
			.on(DeliveryCompleted.class, delivery::on)
			.on(DeliveryFailed.class, delivery::on)
			.build();
	}
}
