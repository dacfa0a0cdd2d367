package com.example.food.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One realistic envelope per event type, all about the same order, each caused by the
 * event before it. The contract fixtures under {@code contracts/v1} hold exactly these
 * values.
 */
final class EventSamples {

	static final UUID ORDER_ID = UUID.fromString("5f0c9a7e-8d3b-4f21-9c6a-1e2d3f4a5b6c");
	static final UUID PAYMENT_ID = UUID.fromString("8a3f2c1d-4b5e-4c6f-a7d8-9e0f1a2b3c4d");
	static final UUID TICKET_ID = UUID.fromString("2c9e8f7a-1b3d-4e5f-8a6b-7c8d9e0f1a2b");
	static final UUID DELIVERY_ID = UUID.fromString("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a");
	static final String CUSTOMER_ID = "customer-1001";
	static final List<OrderLine> LINES = List.of(
			new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 2, new BigDecimal("9.50")),
			new OrderLine("TIRAMISU", "Tiramisu", 1, new BigDecimal("5.25")));
	static final BigDecimal TOTAL = new BigDecimal("24.25");
	static final DeliveryAddress ADDRESS = new DeliveryAddress("221B Baker Street", "London", "NW1 6XE");

	private EventSamples() {
	}

	static List<EventEnvelope> all() {
		return Arrays.stream(EventType.values()).map(EventSamples::envelope).toList();
	}

	// A switch without default: a new EventType
	// does not compile until it has a sample here.
	static EventEnvelope envelope(EventType type) {
		return switch (type) {
			case ORDER_PLACED -> envelope(1, "2025-11-23T18:04:05.120Z", null,
					new OrderPlaced(CUSTOMER_ID, LINES, TOTAL, ADDRESS, "tok_visa_4242"));
			case PAYMENT_COMPLETED -> envelope(2, "2025-11-23T18:04:06.250Z", 1,
					new PaymentCompleted(PAYMENT_ID, TOTAL, CUSTOMER_ID, LINES, ADDRESS));
			case PAYMENT_FAILED ->
				envelope(3, "2025-11-23T18:04:06.300Z", 1, new PaymentFailed("card declined: insufficient funds"));
			case TICKET_ACCEPTED -> envelope(4, "2025-11-23T18:04:07.010Z", 2, new TicketAccepted(TICKET_ID, LINES));
			case TICKET_REJECTED -> envelope(5, "2025-11-23T18:04:07.020Z", 2,
					new TicketRejected(TICKET_ID, "dish unavailable", List.of("TIRAMISU")));
			case MEAL_PREPARED ->
				envelope(6, "2025-11-23T18:19:42.500Z", 4, new MealPrepared(TICKET_ID, CUSTOMER_ID, LINES, ADDRESS));
			case DELIVERY_ASSIGNED ->
				envelope(7, "2025-11-23T18:20:03Z", 6, new DeliveryAssigned(DELIVERY_ID, "courier-7", "Ada Lovelace"));
			case DELIVERY_COMPLETED ->
				envelope(8, "2025-11-23T18:41:17Z", 7, new DeliveryCompleted(DELIVERY_ID, "courier-7"));
			case DELIVERY_FAILED ->
				envelope(9, "2025-11-23T18:25:42.500Z", 6, new DeliveryFailed("no courier available", 3));
			case ORDER_CANCELLED -> envelope(10, "2025-11-23T18:04:07.100Z", 5,
					new OrderCancelled(CancellationReason.KITCHEN_REJECTED, "dish unavailable: TIRAMISU", LINES));
			case PAYMENT_REFUNDED -> envelope(11, "2025-11-23T18:04:08Z", 10, new PaymentRefunded(PAYMENT_ID, TOTAL));
			case ORDER_CANCELLATION_REQUESTED ->
				envelope(12, "2025-11-23T18:04:06.900Z", null, new OrderCancellationRequested(
						CancellationReason.CUSTOMER_REQUEST, "Cancelled at the customer's request"));
			case TICKET_CANCELLED -> envelope(13, "2025-11-23T18:04:07.050Z", 12, new TicketCancelled(TICKET_ID,
					CancellationReason.CUSTOMER_REQUEST, "the ticket was accepted, not yet prepared: dropped"));
			case TICKET_CANCELLATION_REFUSED ->
				envelope(14, "2025-11-23T18:19:43Z", 12, new TicketCancellationRefused(TICKET_ID,
						CancellationReason.CUSTOMER_REQUEST, "the meal is prepared"));
			case PAYMENT_CAPTURED ->
				envelope(15, "2025-11-23T18:04:07.400Z", 4, new PaymentCaptured(PAYMENT_ID, TOTAL));
			case PAYMENT_VOIDED -> envelope(16, "2025-11-23T18:04:07.500Z", 10, new PaymentVoided(PAYMENT_ID, TOTAL));
		};
	}

	/**
	 * Event ids of the story are numbered in their last byte:
	 * 0b7d4a52-6c1e-4f8a-9d3b-2a5e7c9f1a01 is the first.
	 */
	static UUID eventId(int number) {
		return UUID.fromString("0b7d4a52-6c1e-4f8a-9d3b-2a5e7c9f1a%02x".formatted(number));
	}

	private static EventEnvelope envelope(int number, String occurredAt, @Nullable Integer causedBy,
			FoodEvent payload) {
		EventType type = payload.type();
		return new EventEnvelope(eventId(number), type.routingKey(), type.version(), Instant.parse(occurredAt),
				ORDER_ID, causedBy == null ? null : eventId(causedBy), payload);
	}

}
