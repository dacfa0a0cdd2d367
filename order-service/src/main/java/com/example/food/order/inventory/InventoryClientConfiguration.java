package com.example.food.order.inventory;

import feign.codec.ErrorDecoder;

import org.springframework.context.annotation.Bean;

/**
 * Beans for the inventory client only. Deliberately not a {@code @Configuration}:
 * component scanning would then apply them to every Feign client. Timeouts are in
 * application.yml ({@code spring.cloud.openfeign.client.config.inventory}). Feign's own
 * retryer stays off (Spring Cloud's default): retrying is Resilience4j's job, in one
 * place.
 */
class InventoryClientConfiguration {

	@Bean
	ErrorDecoder inventoryErrorDecoder() {
		return new InventoryErrorDecoder();
	}

}
