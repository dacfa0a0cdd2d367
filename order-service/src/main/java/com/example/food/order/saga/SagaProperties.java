package com.example.food.order.saga;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.example.food.order.OrderStatus;

/**
 * The saga's deadlines (values and their reasons in application.yml).
 *
 * @param deadlineCheckInterval how often orders are checked against their deadlines
 * @param deadlines how long an order may stay in each non-final state before it is
 * reported; a state left out keeps its default
 */
@ConfigurationProperties("food.saga")
record SagaProperties(@DefaultValue("10s") Duration deadlineCheckInterval,
		@DefaultValue Map<OrderStatus, Duration> deadlines) {

	/** What applies where application.yml says nothing. */
	static final Map<OrderStatus, Duration> DEFAULT_DEADLINES = Map.of(OrderStatus.AWAITING_PAYMENT,
			Duration.ofMinutes(2), OrderStatus.PAID, Duration.ofMinutes(2), OrderStatus.PREPARING,
			Duration.ofMinutes(10), OrderStatus.READY_FOR_DELIVERY, Duration.ofMinutes(10),
			OrderStatus.OUT_FOR_DELIVERY, Duration.ofMinutes(30),
			// The kitchen answers a cancellation request at
			// once; waiting longer means it is down or lagging.
			OrderStatus.CANCELLING, Duration.ofMinutes(2));

	SagaProperties {
		if (deadlineCheckInterval.isNegative() || deadlineCheckInterval.isZero()) {
			throw new IllegalArgumentException("food.saga.deadline-check-interval must be positive");
		}
		Map<OrderStatus, Duration> merged = new EnumMap<>(DEFAULT_DEADLINES);
		merged.putAll(deadlines);
		merged.forEach((status, deadline) -> {
			if (status.isFinal()) {
				throw new IllegalArgumentException("food.saga.deadlines." + status + ": a final state has no deadline");
			}
			if (deadline.isNegative() || deadline.isZero()) {
				throw new IllegalArgumentException("food.saga.deadlines." + status + " must be positive");
			}
		});
		deadlines = Map.copyOf(merged);
	}
}
