package com.example.food.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.infrastructure.failure.ScheduledTaskFailures;
import com.example.food.infrastructure.polling.Poller;

/**
 * The deliveries' timer thread: {@link DeliveryPoller} runs every
 * {@code food.delivery.poll-interval}, and when a delivery started by a meal.prepared
 * (see {@link SagaSubscription}) falls due sooner than that.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTimerConfiguration {

	@Bean
	Poller deliveryTimer(ObjectProvider<DeliveryPoller> poller, DeliveryProperties settings,
			ScheduledTaskFailures failures) {
		// Looked up when the timer first ticks: the poller moves
		// deliveries on through Dispatch, which wakes this timer.
		return new Poller("delivery-timer", settings.pollInterval(), () -> poller.getObject().advanceDueDeliveries(),
				failures);
	}

}
