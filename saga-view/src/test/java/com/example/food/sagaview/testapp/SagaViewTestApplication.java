package com.example.food.sagaview.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.example.food.events.PaymentRefunded;
import com.example.food.infrastructure.messaging.EventHandlers;
import com.example.food.sagaview.SagaViewConfiguration;

/**
 * A bare service that serves the saga view as order-service does, by importing
 * {@link SagaViewConfiguration}; in a package of its own, so that it scans only itself
 * and the import is what brings the view in. Besides the view it has only what every
 * service gets from shared-infrastructure (the admin login, dead letters, the handler
 * failure switch) and one event handler, for {@code payment.refunded}, so that a test can
 * make a real dead letter of its own with the switch. Tests start it with
 * {@link #DEFAULTS} so that it reads the same defaults as the real services.
 */
@SpringBootApplication
@Import(SagaViewConfiguration.class)
public class SagaViewTestApplication {

	public static final String DEFAULTS = "spring.config.import=classpath:food-service-defaults.yml";

	public static final String NAME = "spring.application.name=saga-view";

	@Bean
	EventHandlers testEventHandlers() {
		return EventHandlers.builder().on(PaymentRefunded.class, "ignore", (event, envelope) -> {
		}).build();
	}

}
