package com.example.food.kitchen;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every kitchen test context adds to the service: a clock the test can hold still.
 * Imported by every test class alike (the startup contract's too), so that they share one
 * context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KitchenTestConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

}
