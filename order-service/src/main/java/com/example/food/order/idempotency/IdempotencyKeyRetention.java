package com.example.food.order.idempotency;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.infrastructure.retention.Retained;

/**
 * An Idempotency-Key is remembered for {@code food.orders.idempotency-key-retention} (24
 * hours), long enough for any client's retries; after that the shared retention job
 * deletes it, and the same key places a new order.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyRetention {

	@Bean
	Retained idempotencyKeysRetention(@Value("${food.orders.idempotency-key-retention}") Duration retention) {
		return new Retained("idempotency_key", "created_at", retention);
	}

}
