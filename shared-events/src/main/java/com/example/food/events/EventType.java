package com.example.food.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The registry of events: routing key, payload record and the schema version written
 * today. Adding an event is one constant here (and its record in {@link FoodEvent}'s
 * {@code permits}).
 */
public enum EventType {

	ORDER_PLACED(RoutingKeys.ORDER_PLACED, OrderPlaced.class, 1),
	PAYMENT_COMPLETED(RoutingKeys.PAYMENT_COMPLETED, PaymentCompleted.class, 1),
	PAYMENT_FAILED(RoutingKeys.PAYMENT_FAILED, PaymentFailed.class, 1),
	TICKET_ACCEPTED(RoutingKeys.TICKET_ACCEPTED, TicketAccepted.class, 1),
	TICKET_REJECTED(RoutingKeys.TICKET_REJECTED, TicketRejected.class, 1),
	MEAL_PREPARED(RoutingKeys.MEAL_PREPARED, MealPrepared.class, 1),
	DELIVERY_ASSIGNED(RoutingKeys.DELIVERY_ASSIGNED, DeliveryAssigned.class, 1),
	DELIVERY_COMPLETED(RoutingKeys.DELIVERY_COMPLETED, DeliveryCompleted.class, 1),
	DELIVERY_FAILED(RoutingKeys.DELIVERY_FAILED, DeliveryFailed.class, 1),
	ORDER_CANCELLED(RoutingKeys.ORDER_CANCELLED, OrderCancelled.class, 1),
	PAYMENT_REFUNDED(RoutingKeys.PAYMENT_REFUNDED, PaymentRefunded.class, 1),
	ORDER_CANCELLATION_REQUESTED(RoutingKeys.ORDER_CANCELLATION_REQUESTED, OrderCancellationRequested.class, 1),
	TICKET_CANCELLED(RoutingKeys.TICKET_CANCELLED, TicketCancelled.class, 1),
	TICKET_CANCELLATION_REFUSED(RoutingKeys.TICKET_CANCELLATION_REFUSED, TicketCancellationRefused.class, 1),
	PAYMENT_CAPTURED(RoutingKeys.PAYMENT_CAPTURED, PaymentCaptured.class, 1),
	PAYMENT_VOIDED(RoutingKeys.PAYMENT_VOIDED, PaymentVoided.class, 1);

	private static final Map<String, EventType> BY_ROUTING_KEY = Arrays.stream(values())
		.collect(toUnmodifiableMap(EventType::routingKey, Function.identity()));

	private static final Map<Class<? extends FoodEvent>, EventType> BY_PAYLOAD_CLASS = Arrays.stream(values())
		.collect(toUnmodifiableMap(EventType::payloadClass, Function.identity()));

	private final String routingKey;

	private final Class<? extends FoodEvent> payloadClass;

	private final int version;

	EventType(String routingKey, Class<? extends FoodEvent> payloadClass, int version) {
		this.routingKey = routingKey;
		this.payloadClass = payloadClass;
		this.version = version;
	}

	/**
	 * The type named by a message; an unknown one is a message this code cannot handle.
	 */
	public static EventType of(String routingKey) {
		EventType type = BY_ROUTING_KEY.get(routingKey);
		if (type == null) {
			throw new InvalidEvent("unknown event type '" + routingKey + "'");
		}
		return type;
	}

	public static EventType of(FoodEvent event) {
		return of(event.getClass());
	}

	public static EventType of(Class<? extends FoodEvent> payloadClass) {
		// Never null: FoodEvent is sealed and EventTypeTests
		// checks every permitted record has a constant.
		return BY_PAYLOAD_CLASS.get(payloadClass);
	}

	public String routingKey() {
		return routingKey;
	}

	public Class<? extends FoodEvent> payloadClass() {
		return payloadClass;
	}

	/** The schema version written today. */
	public int version() {
		return version;
	}

	/**
	 * Whether a message of this schema version can be read. Only the current one for now;
	 * a new version is accepted side by side by widening this and upcasting the old shape
	 * in {@link EventJson}.
	 */
	public boolean supports(int version) {
		return version == this.version;
	}

}
