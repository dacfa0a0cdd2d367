package com.example.food.kitchen.ticket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.infrastructure.failure.ScheduledTaskFailures;
import com.example.food.infrastructure.polling.Poller;
import com.example.food.kitchen.KitchenProperties;

/**
 * The meal timer's thread: {@link MealPreparation} runs every
 * {@code food.kitchen.poll-interval}, and when a ticket accepted by {@link Kitchen} falls
 * due sooner than that.
 */
@Configuration(proxyBeanMethods = false)
class MealTimerConfiguration {

	@Bean
	Poller mealTimer(MealPreparation preparation, KitchenProperties properties, ScheduledTaskFailures failures) {
		return new Poller("meal-timer", properties.pollInterval(), preparation::prepareDueMeals, failures);
	}

}
