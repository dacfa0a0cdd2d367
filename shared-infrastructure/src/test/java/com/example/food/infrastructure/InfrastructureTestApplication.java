package com.example.food.infrastructure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bare service for testing the shared infrastructure on its own: it has no feature of its own,
 * only what every service gets from this module. Tests start it with
 * {@link #DEFAULTS} so that it reads the same defaults as the real services.
 */
@SpringBootApplication
public class InfrastructureTestApplication {

	public static final String DEFAULTS = "spring.config.import=classpath:food-service-defaults.yml";

	public static final String NAME = "spring.application.name=infrastructure";

}
