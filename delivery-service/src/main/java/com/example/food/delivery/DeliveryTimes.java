package com.example.food.delivery;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * When a delivery started, when it last changed and when each step happened, and its
 * timer.
 *
 * @param dueAt when the poller next moves the delivery on: the next search for a courier
 * while it waits, the hand-over while a courier is out; null once it is over. A column,
 * not a timer in a process's memory (see V2__courier_duty_and_delivery_timers.sql): a
 * restart, a crash or another replica picks the delivery up where it stood.
 */
@Embeddable
record DeliveryTimes(Instant createdAt, Instant updatedAt, @Nullable Instant dueAt, @Nullable Instant assignedAt,
		@Nullable Instant deliveredAt, @Nullable Instant failedAt) {

	/** Started now, with the first search for a courier due at once. */
	static DeliveryTimes startedAt(Instant now) {
		return new DeliveryTimes(now, now, now, null, null, null);
	}

	/** No courier was free now: the next search is due {@code retryInterval} later. */
	DeliveryTimes nextSearchIn(Instant now, Duration retryInterval) {
		return new DeliveryTimes(createdAt, now, now.plus(retryInterval), assignedAt, deliveredAt, failedAt);
	}

	/** A courier set off now: the hand-over is due {@code deliveryTime} later. */
	DeliveryTimes assigned(Instant now, Duration deliveryTime) {
		return new DeliveryTimes(createdAt, now, now.plus(deliveryTime), now, deliveredAt, failedAt);
	}

	/** Handed over now: nothing more is due. */
	DeliveryTimes delivered(Instant now) {
		return new DeliveryTimes(createdAt, now, null, assignedAt, now, failedAt);
	}

	/** Given up now, after the last search: nothing more is due. */
	DeliveryTimes failed(Instant now) {
		return new DeliveryTimes(createdAt, now, null, assignedAt, deliveredAt, now);
	}

}
