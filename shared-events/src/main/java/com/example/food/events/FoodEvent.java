package com.example.food.events;

/**
 * A fact of the saga, carried as the payload of an {@link EventEnvelope}.
 *
 * <p>
 * Sealed so that a {@code switch} over events is checked for exhaustiveness. A new event
 * is a record here in {@code permits} and one constant in {@link EventType}.
 */
public sealed interface FoodEvent permits OrderPlaced, PaymentCompleted, PaymentFailed, TicketAccepted, TicketRejected,
		MealPrepared, DeliveryAssigned, DeliveryCompleted, DeliveryFailed, OrderCancelled, PaymentRefunded,
		OrderCancellationRequested, TicketCancelled, TicketCancellationRefused, PaymentCaptured, PaymentVoided {

	default EventType type() {
		return EventType.of(this);
	}

}
