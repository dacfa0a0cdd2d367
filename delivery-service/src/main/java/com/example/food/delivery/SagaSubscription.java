package com.example.food.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.MealPrepared;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What delivery-service hears of the saga: meal.prepared only, and so its queue
 * {@code delivery.events} is bound to that routing key alone. The handler is a step of
 * {@link Dispatch}. order.cancelled is not bound on purpose: an order can no longer be
 * cancelled once the kitchen has accepted it, so a cancellation never concerns a meal
 * that is ready to go.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscription {

	@Bean
	EventHandlers eventHandlers(Dispatch dispatch) {
		return EventHandlers.builder()
			// meal.prepared -> dispatch: a delivery, with a
			// courier if one is free; answers delivery.assigned
			.on(MealPrepared.class, "dispatch", dispatch::dispatch)
			.build();
	}

}
