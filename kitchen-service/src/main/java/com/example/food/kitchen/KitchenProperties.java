package com.example.food.kitchen;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The kitchen's own settings; each is explained in application.yml.
 *
 * @param preparationTime how long a ticket takes from accepted to prepared (0: at once)
 * @param pollInterval how often the meal timer looks for tickets that are due, besides
 * being woken when an accepted ticket falls due sooner
 */
@ConfigurationProperties("food.kitchen")
public record KitchenProperties(@DefaultValue("5s") Duration preparationTime,
		@DefaultValue("500ms") Duration pollInterval) {

	public KitchenProperties {
		if (preparationTime.isNegative()) {
			throw new IllegalArgumentException(
					"food.kitchen.preparation-time must not be negative: " + preparationTime);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("food.kitchen.poll-interval must be positive: " + pollInterval);
		}
	}
}
