/**
 * A switch for teaching: makes {@code POST /reservations} slow, failing or "losing" its
 * response on demand ({@code /admin/failures}), so that order-service's timeouts, retries
 * and circuit breaker can be watched at work.
 */
@NullMarked
package com.example.food.inventory.failure;

import org.jspecify.annotations.NullMarked;
