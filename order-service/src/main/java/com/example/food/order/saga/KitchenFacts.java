package com.example.food.order.saga;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;

/** What the kitchen's facts do to an order. */
@Component
class KitchenFacts {

	private final OrderSaga saga;

	KitchenFacts(OrderSaga saga) {
		this.saga = saga;
	}

	void on(TicketAccepted event, EventEnvelope envelope) {
		// Saga step: the kitchen took the order, it is PREPARING; a cancellation may still be granted until the meal is prepared.
		saga.advance(envelope, OrderStatus.PREPARING, Order::markPreparing, "ticket " + event.ticketId());
	}

	void on(TicketRejected event, EventEnvelope envelope) {
		// Saga step (failure): the kitchen cannot make it; the order is CANCELLED and order.cancelled asks
		// payment to refund and inventory to release.
		String detail = event.unavailableSkus().isEmpty() ? event.reason()
				: event.reason() + " (unavailable: " + String.join(", ", event.unavailableSkus()) + ")";
		saga.cancel(envelope, CancellationReason.KITCHEN_REJECTED, detail);
	}

	void on(MealPrepared event, EventEnvelope envelope) {
		// Saga step: the food is ready, the order is READY_FOR_DELIVERY (delivery hears the same fact).
		saga.advance(envelope, OrderStatus.READY_FOR_DELIVERY, Order::markReadyForDelivery, "ticket " + event.ticketId());
	}

	void on(TicketCancelled event, EventEnvelope envelope) {
		// Saga step (answer): the kitchen granted the cancellation, nothing is cooked; the order is CANCELLED
		// and order.cancelled asks payment to void or refund and inventory to put the stock back.
		saga.answerCancellation(envelope, true, event.detail());
	}

	void on(TicketCancellationRefused event, EventEnvelope envelope) {
		// Saga step (answer): the kitchen refused, the meal is prepared; the order goes on to its delivery.
		saga.answerCancellation(envelope, false, event.refusal());
	}
}
