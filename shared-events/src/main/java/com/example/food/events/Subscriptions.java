package com.example.food.events;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.example.food.events.EventType.DELIVERY_ASSIGNED;
import static com.example.food.events.EventType.DELIVERY_COMPLETED;
import static com.example.food.events.EventType.DELIVERY_FAILED;
import static com.example.food.events.EventType.MEAL_PREPARED;
import static com.example.food.events.EventType.ORDER_CANCELLATION_REQUESTED;
import static com.example.food.events.EventType.ORDER_CANCELLED;
import static com.example.food.events.EventType.ORDER_PLACED;
import static com.example.food.events.EventType.PAYMENT_CAPTURED;
import static com.example.food.events.EventType.PAYMENT_COMPLETED;
import static com.example.food.events.EventType.PAYMENT_FAILED;
import static com.example.food.events.EventType.PAYMENT_REFUNDED;
import static com.example.food.events.EventType.PAYMENT_VOIDED;
import static com.example.food.events.EventType.TICKET_ACCEPTED;
import static com.example.food.events.EventType.TICKET_CANCELLATION_REFUSED;
import static com.example.food.events.EventType.TICKET_CANCELLED;
import static com.example.food.events.EventType.TICKET_REJECTED;

/**
 * Who listens to what: each consuming service's queue and the events it takes. Part of
 * the contract, so that every service can declare the whole topology at start-up, its
 * neighbours' queues included: an event published before one of its consumers has ever
 * started still waits in that consumer's queue (see
 * docs/adr/0006-every-service-declares-the-whole-topology.md). A service checks at start
 * that its handlers take exactly what is written here.
 */
public final class Subscriptions {

	private static final Map<String, Set<EventType>> BY_SERVICE = Map.of("order",
			Set.copyOf(EnumSet.of(PAYMENT_COMPLETED, PAYMENT_FAILED, PAYMENT_CAPTURED, PAYMENT_VOIDED, PAYMENT_REFUNDED,
					TICKET_ACCEPTED, TICKET_REJECTED, MEAL_PREPARED, TICKET_CANCELLED, TICKET_CANCELLATION_REFUSED,
					DELIVERY_ASSIGNED, DELIVERY_COMPLETED, DELIVERY_FAILED)),
			"inventory", Set.of(TICKET_ACCEPTED, ORDER_CANCELLED), "payment",
			Set.of(ORDER_PLACED, TICKET_ACCEPTED, ORDER_CANCELLED), "kitchen",
			Set.of(PAYMENT_COMPLETED, ORDER_CANCELLATION_REQUESTED), "delivery", Set.of(MEAL_PREPARED));

	private Subscriptions() {
	}

	/**
	 * Every consuming service (its short name: {@code payment}) and the events its queue
	 * takes.
	 */
	public static Map<String, Set<EventType>> all() {
		return BY_SERVICE;
	}

	/** The events one service's queue takes, if the service is part of the system. */
	public static Optional<Set<EventType>> of(String service) {
		return Optional.ofNullable(BY_SERVICE.get(service));
	}

}
