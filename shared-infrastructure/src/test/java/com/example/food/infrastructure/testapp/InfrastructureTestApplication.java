package com.example.food.infrastructure.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * A bare service for testing the shared infrastructure on its own, in a package of its
 * own so that it scans only itself and {@link ProbeController}: it has no feature of its
 * own, only what every service gets from this module. Tests start it with
 * {@link #DEFAULTS} so that it reads the same defaults as the real services.
 */
@SpringBootApplication
public class InfrastructureTestApplication {

	public static final String DEFAULTS = "spring.config.import=classpath:food-service-defaults.yml";

	public static final String NAME = "spring.application.name=infrastructure";

	/**
	 * Every event the test service handled, in order: what the messaging tests look at.
	 */
	public static final List<EventEnvelope> HANDLED = new CopyOnWriteArrayList<>();

	/** The test service reacts to two events, as a real one would, and remembers them. */
	@Bean
	EventHandlers testEventHandlers() {
		return EventHandlers.builder()
			.on(PaymentFailed.class, "record", (event, envelope) -> HANDLED.add(envelope))
			.on(PaymentRefunded.class, "record", (event, envelope) -> HANDLED.add(envelope))
			.build();
	}

}
