package com.example.food.order.saga;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;

/** What delivery's facts do to an order. */
@Component
class DeliveryFacts {

	private final OrderSaga saga;

	DeliveryFacts(OrderSaga saga) {
		this.saga = saga;
	}

	void on(DeliveryAssigned event, EventEnvelope envelope) {
		// Saga step: a courier took the meal, the order is OUT_FOR_DELIVERY.
		saga.advance(envelope, OrderStatus.OUT_FOR_DELIVERY, Order::markOutForDelivery,
				"courier " + event.courierName() + " (" + event.courierId() + ")");
	}

	void on(DeliveryCompleted event, EventEnvelope envelope) {
		// Saga step: the customer has the meal, the order is DELIVERED and the saga is over.
		saga.advance(envelope, OrderStatus.DELIVERED, Order::markDelivered, "by courier " + event.courierId());
	}

	void on(DeliveryFailed event, EventEnvelope envelope) {
		// Saga step (failure): no courier came; the order is CANCELLED and order.cancelled asks payment to
		// refund. The meal is made and the stock spent: compensation is semantic, not an undo.
		saga.cancel(envelope, CancellationReason.NO_COURIER,
				event.reason() + " (after " + event.attempts() + " attempt(s))");
	}
}
