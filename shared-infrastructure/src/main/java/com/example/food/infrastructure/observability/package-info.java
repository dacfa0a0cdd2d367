/**
 * Seeing what the system does: the order id in every log line, spans named after saga
 * steps, and the metrics Prometheus scrapes.
 */
@NullMarked
package com.example.food.infrastructure.observability;

import org.jspecify.annotations.NullMarked;
