package com.example.food.order.saga;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;

/** What payment's facts do to an order. */
@Component
class PaymentFacts {

	private final OrderSaga saga;

	PaymentFacts(OrderSaga saga) {
		this.saga = saga;
	}

	void on(PaymentCompleted event, EventEnvelope envelope) {
		// Saga step: the charge succeeded, the order is PAID (the kitchen hears the same fact and makes a ticket).
		// For an order the customer cancelled meanwhile it is ignored: payment refunds on order.cancelled.
		saga.advance(envelope, OrderStatus.PAID, Order::markPaid,
				"charged " + event.amount().toPlainString() + " (payment " + event.paymentId() + ")");
	}

	void on(PaymentFailed event, EventEnvelope envelope) {
		// Saga step (failure): the charge was declined; the order is CANCELLED and order.cancelled asks
		// inventory to release the stock. Nothing was charged, so nothing is refunded.
		saga.cancel(envelope, CancellationReason.PAYMENT_DECLINED, event.reason());
	}

	void on(PaymentRefunded event, EventEnvelope envelope) {
		// Saga step (compensation done): payment gave the money back after order.cancelled. The order is
		// already CANCELLED; only its timeline changes.
		saga.note(envelope, "refunded " + event.amount().toPlainString() + " (payment " + event.paymentId() + ")");
	}
}
