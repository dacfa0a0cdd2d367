package com.example.food.kitchen;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Accepts or rejects a ticket and prepares the meal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KitchenServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(KitchenServiceApplication.class, args);
	}

	/** Time as a dependency: the meal timer reads it, so a test can hold it still. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
