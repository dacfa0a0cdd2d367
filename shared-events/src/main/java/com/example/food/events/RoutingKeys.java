package com.example.food.events;

/**
 * The routing key of each event, equal to its envelope {@code type}. Constants rather
 * than {@link EventType} values because annotations such as queue bindings need
 * compile-time strings.
 */
public final class RoutingKeys {

	public static final String ORDER_PLACED = "order.placed";

	public static final String PAYMENT_COMPLETED = "payment.completed";

	public static final String PAYMENT_FAILED = "payment.failed";

	public static final String TICKET_ACCEPTED = "ticket.accepted";

	public static final String TICKET_REJECTED = "ticket.rejected";

	public static final String MEAL_PREPARED = "meal.prepared";

	public static final String DELIVERY_ASSIGNED = "delivery.assigned";

	public static final String DELIVERY_COMPLETED = "delivery.completed";

	public static final String DELIVERY_FAILED = "delivery.failed";

	public static final String ORDER_CANCELLED = "order.cancelled";

	public static final String PAYMENT_REFUNDED = "payment.refunded";

	public static final String ORDER_CANCELLATION_REQUESTED = "order.cancellation-requested";

	public static final String TICKET_CANCELLED = "ticket.cancelled";

	public static final String TICKET_CANCELLATION_REFUSED = "ticket.cancellation-refused";

	public static final String PAYMENT_CAPTURED = "payment.captured";

	public static final String PAYMENT_VOIDED = "payment.voided";

	private RoutingKeys() {
	}

}
