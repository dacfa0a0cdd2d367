package com.example.food.order.saga;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.PaymentVoided;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
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
			.on(PaymentCompleted.class, "record payment completed", payment::on)
			.on(PaymentFailed.class, "record payment failed", payment::on)
			.on(PaymentCaptured.class, "record payment captured", payment::on)
			.on(PaymentVoided.class, "record payment voided", payment::on)
			.on(PaymentRefunded.class, "record payment refunded", payment::on)
			.on(TicketAccepted.class, "record ticket accepted", kitchen::on)
			.on(TicketRejected.class, "record ticket rejected", kitchen::on)
			.on(MealPrepared.class, "record meal prepared", kitchen::on)
			.on(TicketCancelled.class, "record cancellation granted", kitchen::on)
			.on(TicketCancellationRefused.class, "record cancellation refused", kitchen::on)
			.on(DeliveryAssigned.class, "record delivery assigned", delivery::on)
			.on(DeliveryCompleted.class, "record delivery completed", delivery::on)
			.on(DeliveryFailed.class, "record delivery failed", delivery::on)
			.build();
	}
}
