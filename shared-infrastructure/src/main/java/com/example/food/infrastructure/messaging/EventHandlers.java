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
 * What a service reacts to, in one place: the events it handles and the handler of each.
 * Its queue is bound to exactly these routing keys, so the list is also its subscription.
 *
 * <pre>
 * &#64;Bean
 * EventHandlers eventHandlers(PaymentManagement payments) {
 *     return EventHandlers.builder()
 *         // order.placed -> authorize: hold the money; answers payment.completed or payment.failed
 *         .on(OrderPlaced.class, "authorize", payments::authorize)
 *         .on(OrderCancelled.class, "void or refund", payments::voidOrRefund)
 *         .build();
 * }
 * </pre>
 *
 * Each handler runs in the transaction that also records the event as processed (see
 * {@link InboundEvents}): its effects and that record commit together or not at all.
 */
public final class EventHandlers {

	private final Map<EventType, Handler> handlers;

	private EventHandlers(Map<EventType, Handler> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	/**
	 * A handler and the name of the saga step it performs (its span's name, e.g.
	 * "authorize").
	 */
	record Handler(String step, BiConsumer<FoodEvent, EventEnvelope> action) {
	}

	public static Builder builder() {
		return new Builder();
	}

	public Set<EventType> types() {
		return handlers.keySet();
	}

	Optional<Handler> handlerOf(EventType type) {
		return Optional.ofNullable(handlers.get(type));
	}

	public static final class Builder {

		private final Map<EventType, Handler> handlers = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Handles events of this type; the envelope gives the order id, event id and
		 * cause. The step names what the handler does in the saga: with the service's
		 * name it names the handler's span in a trace ("payment authorize").
		 */
		public <E extends FoodEvent> Builder on(Class<E> type, String step, BiConsumer<E, EventEnvelope> handler) {
			EventType eventType = EventType.of(type);
			if (handlers.containsKey(eventType)) {
				throw new IllegalStateException("Two handlers for " + eventType.routingKey());
			}
			handlers.put(eventType, new Handler(step, (event, envelope) -> handler.accept(type.cast(event), envelope)));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(handlers);
		}

	}

}
