package com.example.food.delivery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The delivery timers shortened for tests, so that a saga's waits take a fraction of a
 * second: 200 ms on the road, 300 ms between searches for a courier, 4 searches, a poller
 * tick every 100 ms. Four consumers play four replicas racing for the couriers.
 *
 * <p>
 * Every test class of this module carries exactly these settings, and so shares one
 * application context: a second context would be a second consumer of
 * {@code delivery.events} and a second poller, with other timers, on the same queue and
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "food.delivery.delivery-time=" + FastDeliveries.DELIVERY_TIME_MS + "ms",
		"food.delivery.retry-interval=" + FastDeliveries.RETRY_INTERVAL_MS + "ms",
		"food.delivery.max-attempts=" + FastDeliveries.MAX_ATTEMPTS, "food.delivery.poll-interval=100ms",
		"spring.rabbitmq.listener.simple.concurrency=4" })
public @interface FastDeliveries {

	int DELIVERY_TIME_MS = 200;

	int RETRY_INTERVAL_MS = 300;

	int MAX_ATTEMPTS = 4;

}
