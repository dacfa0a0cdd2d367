package com.example.food.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries run; the reasons for each default are in application.yml.
 *
 * @param deliveryTime from a courier's assignment to the hand-over (zero: at the poller's
 * next look)
 * @param retryInterval the pause between two searches for a courier
 * @param maxAttempts searches for a courier, the first included, before the delivery
 * fails
 * @param pollInterval how often the poller looks for deliveries whose next step is due
 * @param pollBatchSize at most this many deliveries moved on per look (each in its own
 * transaction)
 */
@ConfigurationProperties("food.delivery")
record DeliveryProperties(@DefaultValue("5s") Duration deliveryTime, @DefaultValue("2s") Duration retryInterval,
		@DefaultValue("5") int maxAttempts, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("50") int pollBatchSize) {

	DeliveryProperties {
		if (deliveryTime.isNegative()) {
			throw new IllegalArgumentException("food.delivery.delivery-time must not be negative, was " + deliveryTime);
		}
		if (retryInterval.isNegative()) {
			throw new IllegalArgumentException(
					"food.delivery.retry-interval must not be negative, was " + retryInterval);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("food.delivery.max-attempts must be at least 1, was " + maxAttempts);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("food.delivery.poll-interval must be positive, was " + pollInterval);
		}
		if (pollBatchSize < 1) {
			throw new IllegalArgumentException(
					"food.delivery.poll-batch-size must be at least 1, was " + pollBatchSize);
		}
	}
}
