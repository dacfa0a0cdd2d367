package com.example.food.order.saga;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.PaymentVoided;
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
		// Saga step: the amount is held, the order is PAID (the kitchen hears the same fact and opens a ticket).
		// For an order cancelled meanwhile it is ignored: payment voids the hold on order.cancelled.
		saga.advance(envelope, OrderStatus.PAID, Order::markPaid,
				"held " + event.amount().toPlainString() + " (payment " + event.paymentId() + ")");
	}

	void on(PaymentFailed event, EventEnvelope envelope) {
		// Saga step (failure): the hold was declined; the order is CANCELLED and order.cancelled asks
		// inventory to release the stock. Nothing was held, so nothing is voided or refunded.
		saga.cancel(envelope, CancellationReason.PAYMENT_DECLINED, event.reason());
	}

	void on(PaymentCaptured event, EventEnvelope envelope) {
		// Saga step: the kitchen accepted, so payment took the amount it held. The order's state is the kitchen's to move.
		saga.note(envelope, "captured " + event.amount().toPlainString() + " (payment " + event.paymentId() + ")");
	}

	void on(PaymentVoided event, EventEnvelope envelope) {
		// Saga step (compensation done): the order was cancelled before the kitchen accepted; the hold is released.
		saga.note(envelope, "hold voided, nothing taken: " + event.amount().toPlainString() + " (payment "
				+ event.paymentId() + ")");
	}

	void on(PaymentRefunded event, EventEnvelope envelope) {
		// Saga step (compensation done): payment gave the money back after order.cancelled. The order is
		// already CANCELLED; only its timeline changes.
		saga.note(envelope, "refunded " + event.amount().toPlainString() + " (payment " + event.paymentId() + ")");
	}
}
