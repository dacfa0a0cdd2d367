package com.example.food.delivery;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.MealPrepared;
import com.example.food.infrastructure.messaging.EventHandlers;
import com.example.food.infrastructure.polling.Poller;

/**
 * What delivery-service hears from the saga: meal.prepared only, and so its queue
 * {@code delivery.events} is bound to that routing key alone. order.cancelled is not bound on
 * purpose: an order can no longer be cancelled once the kitchen has accepted it, so a cancellation
 * never concerns a meal that is ready to go.
 */
@Configuration(proxyBeanMethods = false)
class SagaEvents {

	@Bean
	EventHandlers deliveryEvents(Dispatch dispatch, @Qualifier("deliveryTimer") Poller deliveryTimer,
			DeliveryProperties settings) {
		return EventHandlers.builder()
			// meal.prepared -> a delivery, and delivery.assigned if a courier is free
			.on(MealPrepared.class, "dispatch", (meal, event) -> {
				dispatch.start(meal, event);
				// The hand-over is then due when the delivery time is up: the timer is woken for it.
				deliveryTimer.wakeAfterCommit(settings.deliveryTime());
			})
			.build();
	}
}
