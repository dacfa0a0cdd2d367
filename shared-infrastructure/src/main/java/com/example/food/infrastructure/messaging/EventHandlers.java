package com.example.food.infrastructure.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventType;
import com.example.food.events.FoodEvent;

/**
 * What a service reacts to, in one place: the events it handles and the handler of each. Its
 * queue is bound to exactly these routing keys, so the list is also its subscription.
 *
 * <pre>
 * &#64;Bean
 * EventHandlers paymentEvents(Payments payments) {
 *     return EventHandlers.builder()
 *         .on(OrderPlaced.class, payments::charge)
 *         .on(OrderCancelled.class, payments::refundIfCharged)
 *         .build();
 * }
 * </pre>
 *
 * Each handler runs in the transaction that also records the event as processed (see
 * {@link InboundEvents}): its effects and that record commit together or not at all.
 */
public final class EventHandlers {

	private final Map<EventType, BiConsumer<FoodEvent, EventEnvelope>> handlers;

	private EventHandlers(Map<EventType, BiConsumer<FoodEvent, EventEnvelope>> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder builder() {
		return new Builder();
	}

	public Set<EventType> types() {
		return handlers.keySet();
	}

	Optional<BiConsumer<FoodEvent, EventEnvelope>> handlerOf(EventType type) {
		return Optional.ofNullable(handlers.get(type));
	}

	public static final class Builder {

		private final Map<EventType, BiConsumer<FoodEvent, EventEnvelope>> handlers = new LinkedHashMap<>();

		private Builder() {
		}

		/** Handles events of this type; the envelope gives the order id, event id and cause. */
		public <E extends FoodEvent> Builder on(Class<E> type, BiConsumer<E, EventEnvelope> handler) {
			EventType eventType = EventType.of(type);
			if (handlers.containsKey(eventType)) {
				throw new IllegalStateException("Two handlers for " + eventType.routingKey());
			}
			handlers.put(eventType, (event, envelope) -> handler.accept(type.cast(event), envelope));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(handlers);
		}
	}
}
