package com.example.food.order.web;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * One step of an order's saga as {@code GET /orders/{id}/timeline} shows it.
 * {@code occurredAt} is when it happened where it happened, {@code recordedAt} when this
 * service heard of it: the gap is the saga's asynchrony. {@code ignored} steps changed
 * nothing, and {@code ignoredBecause} says why.
 */
record TimelineView(long id, Instant occurredAt, Instant recordedAt, String service, String step, String statusAfter,
		@Nullable String reason, @Nullable String detail, boolean ignored, @Nullable String ignoredBecause,
		@Nullable UUID eventId) {

	static TimelineView of(Timeline.Recorded recorded) {
		TimelineEntry entry = recorded.entry();
		return new TimelineView(recorded.id(), entry.occurredAt(), recorded.recordedAt(), entry.service(), entry.step(),
				entry.statusAfter(), entry.reason(), entry.detail(), entry.ignored(), entry.ignoredBecause(),
				entry.eventId());
	}
}
