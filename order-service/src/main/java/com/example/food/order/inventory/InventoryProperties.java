package com.example.food.order.inventory;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where inventory is and what to tell a client when it is not there. Timeouts, retries
 * and the circuit breaker are configured where their libraries read them
 * (application.yml).
 *
 * @param url inventory's base URL (the Feign client reads it too)
 * @param retryAfter the Retry-After sent with a 503 after the retries gave up; when the
 * circuit breaker is open, its configured wait in the open state is sent instead
 */
@ConfigurationProperties("food.inventory")
public record InventoryProperties(URI url, @DefaultValue("5s") Duration retryAfter) {

}
