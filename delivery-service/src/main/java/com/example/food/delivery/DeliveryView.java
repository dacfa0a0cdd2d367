package com.example.food.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.events.DeliveryAddress;

/**
 * A delivery as a learner follows it.
 *
 * @param attempts how often a courier was looked for, the successful search included
 * @param nextAttemptAt while waiting for a courier: when the next search is due
 * @param handOverDueAt while a courier is on the way: when the meal is handed over
 */
record DeliveryView(UUID id, UUID orderId, DeliveryStatus status, @Nullable String courierId,
		@Nullable String courierName, int attempts, DeliveryAddress address, @Nullable Instant nextAttemptAt,
		@Nullable Instant handOverDueAt, @Nullable String failureReason, Instant createdAt,
		@Nullable Instant assignedAt, @Nullable Instant deliveredAt, @Nullable Instant failedAt, Instant updatedAt) {

	static DeliveryView of(Delivery delivery, @Nullable String courierName) {
		DeliveryTimes times = delivery.times();
		return new DeliveryView(delivery.id(), delivery.orderId(), delivery.status(), delivery.courierId(), courierName,
				delivery.attempts(), delivery.address(),
				delivery.status() == DeliveryStatus.WAITING_FOR_COURIER ? times.dueAt() : null,
				delivery.status() == DeliveryStatus.ASSIGNED ? times.dueAt() : null, delivery.failureReason(),
				times.createdAt(), times.assignedAt(), times.deliveredAt(), times.failedAt(), times.updatedAt());
	}
}
