/**
 * The synchronous step of placing an order: reserving stock at inventory over REST, with
 * a connect and read timeout (application.yml), retries with exponential backoff and
 * jitter on transient failures only, and a circuit breaker
 * ({@link com.example.food.order.inventory.InventoryGateway}).
 */
@NullMarked
package com.example.food.order.inventory;

import org.jspecify.annotations.NullMarked;
