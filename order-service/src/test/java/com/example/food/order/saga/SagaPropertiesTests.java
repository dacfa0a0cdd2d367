package com.example.food.order.saga;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.example.food.order.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SagaPropertiesTests {

	@Test
	void bindsDeadlinesByStateAsApplicationYmlWritesThemAndKeepsTheOthersDefaults() {
		SagaProperties properties = bind(Map.of("food.saga.deadline-check-interval", "1s",
				"food.saga.deadlines.AWAITING_PAYMENT", "30s", "food.saga.deadlines.OUT_FOR_DELIVERY", "1h"));

		assertThat(properties.deadlineCheckInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.deadlines()).containsEntry(OrderStatus.AWAITING_PAYMENT, Duration.ofSeconds(30))
			.containsEntry(OrderStatus.OUT_FOR_DELIVERY, Duration.ofHours(1))
			.containsEntry(OrderStatus.PAID, Duration.ofMinutes(2))
			.hasSize(6);
	}

	@Test
	void watchesEveryStateOnTheWayWithDefaultsWhenNothingIsConfigured() {
		SagaProperties properties = bind(Map.of("food.saga.deadline-check-interval", "10s"));

		assertThat(properties.deadlines()).isEqualTo(SagaProperties.DEFAULT_DEADLINES);
	}

	@Test
	void refusesADeadlineForAFinalState() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("food.saga.deadlines.DELIVERED", "1m")));
	}

	private static SagaProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("food.saga", SagaProperties.class);
	}

}
