package com.example.food.order.saga;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.PaymentVoided;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;
import com.example.food.infrastructure.messaging.EventHandlers;

/**
 * What the order service hears of the saga, in one place: payment's, the kitchen's and
 * delivery's facts. Its queue {@code order.events} is bound to exactly these routing keys
 * (the shared infrastructure declares it, and runs each handler in one transaction with
 * the idempotent consumer's record of the event id). Each handler is a step of
 * {@link OrderSaga}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
class SagaSubscription {

	@Bean
	EventHandlers eventHandlers(OrderSaga saga) {
		return EventHandlers.builder()
			// payment.completed -> mark paid: the amount is held, the order is PAID
			.on(PaymentCompleted.class, "mark paid", saga::markPaid)
			// payment.failed -> cancel declined: the
			// order is CANCELLED; answers order.cancelled
			.on(PaymentFailed.class, "cancel declined", saga::cancelDeclined)
			// payment.captured -> note capture: the timeline shows the money taken
			.on(PaymentCaptured.class, "note capture", saga::noteCapture)
			// payment.voided -> note void: the timeline shows the hold released
			.on(PaymentVoided.class, "note void", saga::noteVoid)
			// payment.refunded -> note refund: the timeline shows the money given back
			.on(PaymentRefunded.class, "note refund", saga::noteRefund)
			// ticket.accepted -> mark preparing: the
			// kitchen took the order, it is PREPARING
			.on(TicketAccepted.class, "mark preparing", saga::markPreparing)
			// ticket.rejected -> cancel rejected: the
			// order is CANCELLED; answers order.cancelled
			.on(TicketRejected.class, "cancel rejected", saga::cancelRejected)
			// meal.prepared -> mark ready: the order is READY_FOR_DELIVERY
			.on(MealPrepared.class, "mark ready", saga::markReady)
			// ticket.cancelled -> finish cancellation: the
			// kitchen granted it; answers order.cancelled
			.on(TicketCancelled.class, "finish cancellation", saga::finishCancellation)
			// ticket.cancellation-refused -> withdraw cancellation:
			// the meal is prepared, the order runs on
			.on(TicketCancellationRefused.class, "withdraw cancellation", saga::withdrawCancellation)
			// delivery.assigned -> mark out for delivery: a courier took the meal
			.on(DeliveryAssigned.class, "mark out for delivery", saga::markOutForDelivery)
			// delivery.completed -> mark delivered: the saga is over
			.on(DeliveryCompleted.class, "mark delivered", saga::markDelivered)
			// delivery.failed -> cancel undelivered:
			// no courier came; answers order.cancelled
			.on(DeliveryFailed.class, "cancel undelivered", saga::cancelUndelivered)
			.build();
	}

}
