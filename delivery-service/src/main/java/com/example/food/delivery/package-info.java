/**
 * The delivery participant of the saga: on {@code meal.prepared} it starts one delivery
 * per order ({@link com.example.food.delivery.Dispatch}), takes a free courier from the
 * pool, and a poller ({@link com.example.food.delivery.DeliveryPoller}) retries the
 * search or hands the meal over when due, emitting {@code delivery.assigned},
 * {@code delivery.completed} or {@code delivery.failed} through the outbox.
 * {@code GET /deliveries?orderId=...} shows where a delivery stands.
 */
@NullMarked
package com.example.food.delivery;

import org.jspecify.annotations.NullMarked;
