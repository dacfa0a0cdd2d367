package com.example.food.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
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
import com.example.food.order.Order;
import com.example.food.order.OrderStatus;
import com.example.food.order.Orders;
import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * The order's part of the saga: each handler ({@link SagaSubscription} binds them)
 * applies one fact of another service to its order, through the aggregate, which guards
 * every transition, with the events that causes written to the outbox and a timeline
 * entry, all in the transaction the fact is handled in (the idempotent consumer's).
 *
 * <p>
 * Handlers are state machines: a fact that does not fit the order's state (a duplicate, a
 * latecomer, one for an order already cancelled) is ignored on purpose, logged, and shown
 * in the timeline with the reason. Throwing instead would only have it retried and
 * dead-lettered: no retry makes it fit. The aggregate is asked first, so its guards never
 * fire here. The facts that end an order are applied by {@link Cancellations}; what an
 * ignored fact says is in {@link IgnoredFacts}.
 */
@Component
class OrderSaga {

	private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

	private final Orders orders;

	private final Cancellations cancellations;

	private final IgnoredFacts ignored;

	private final Timeline timeline;

	private final Clock clock;

	OrderSaga(Orders orders, Cancellations cancellations, IgnoredFacts ignored, Timeline timeline, Clock clock) {
		this.orders = orders;
		this.cancellations = cancellations;
		this.ignored = ignored;
		this.timeline = timeline;
		this.clock = clock;
	}

	// Saga step: the amount is held, the order is PAID (the kitchen hears
	// the same fact and opens a ticket). For an order cancelled meanwhile
	// it is ignored: payment voids the hold on order.cancelled.
	void markPaid(PaymentCompleted completed, EventEnvelope envelope) {
		advance(envelope, OrderStatus.PAID, Order::markPaid,
				"held " + completed.amount().toPlainString() + " (payment " + completed.paymentId() + ")");
	}

	// Saga step (failure): the hold was declined; the order is
	// CANCELLED and order.cancelled asks inventory to release the
	// stock. Nothing was held, so nothing is voided or refunded.
	void cancelDeclined(PaymentFailed failed, EventEnvelope envelope) {
		cancel(envelope, CancellationReason.PAYMENT_DECLINED, failed.reason());
	}

	// Saga step: the kitchen accepted, so payment took the amount
	// it held. The order's state is the kitchen's to move.
	void noteCapture(PaymentCaptured captured, EventEnvelope envelope) {
		note(envelope, "captured " + captured.amount().toPlainString() + " (payment " + captured.paymentId() + ")");
	}

	// Saga step (compensation done): the order was cancelled
	// before the kitchen accepted; the hold is released.
	void noteVoid(PaymentVoided voided, EventEnvelope envelope) {
		note(envelope, "hold voided, nothing taken: " + voided.amount().toPlainString() + " (payment "
				+ voided.paymentId() + ")");
	}

	// Saga step (compensation done): payment gave the money back after
	// order.cancelled. The order is already CANCELLED; only its timeline changes.
	void noteRefund(PaymentRefunded refunded, EventEnvelope envelope) {
		note(envelope, "refunded " + refunded.amount().toPlainString() + " (payment " + refunded.paymentId() + ")");
	}

	// Saga step: the kitchen took the order, it is PREPARING; a
	// cancellation may still be granted until the meal is prepared.
	void markPreparing(TicketAccepted accepted, EventEnvelope envelope) {
		advance(envelope, OrderStatus.PREPARING, Order::markPreparing, "ticket " + accepted.ticketId());
	}

	// Saga step (failure): the kitchen cannot make it; the order is CANCELLED
	// and order.cancelled asks payment to refund and inventory to release.
	void cancelRejected(TicketRejected rejected, EventEnvelope envelope) {
		String detail = rejected.unavailableSkus().isEmpty() ? rejected.reason()
				: rejected.reason() + " (unavailable: " + String.join(", ", rejected.unavailableSkus()) + ")";
		cancel(envelope, CancellationReason.KITCHEN_REJECTED, detail);
	}

	// Saga step: the food is ready, the order is
	// READY_FOR_DELIVERY (delivery hears the same fact).
	void markReady(MealPrepared prepared, EventEnvelope envelope) {
		advance(envelope, OrderStatus.READY_FOR_DELIVERY, Order::markReadyForDelivery, "ticket " + prepared.ticketId());
	}

	// Saga step (answer): the kitchen granted the cancellation, nothing
	// is cooked; the order is CANCELLED and order.cancelled asks
	// payment to void or refund and inventory to put the stock back.
	void finishCancellation(TicketCancelled cancelled, EventEnvelope envelope) {
		answerCancellation(envelope, true, cancelled.detail());
	}

	// Saga step (answer): the kitchen refused, the meal
	// is prepared; the order goes on to its delivery.
	void withdrawCancellation(TicketCancellationRefused refused, EventEnvelope envelope) {
		answerCancellation(envelope, false, refused.refusal());
	}

	// Saga step: a courier took the meal, the order is OUT_FOR_DELIVERY.
	void markOutForDelivery(DeliveryAssigned assigned, EventEnvelope envelope) {
		advance(envelope, OrderStatus.OUT_FOR_DELIVERY, Order::markOutForDelivery,
				"courier " + assigned.courierName() + " (" + assigned.courierId() + ")");
	}

	// Saga step: the customer has the meal, the order is DELIVERED and the saga is over.
	void markDelivered(DeliveryCompleted completed, EventEnvelope envelope) {
		advance(envelope, OrderStatus.DELIVERED, Order::markDelivered, "by courier " + completed.courierId());
	}

	// Saga step (failure): no courier came; the order is CANCELLED
	// and order.cancelled asks payment to refund. The meal is made
	// and the stock spent: compensation is semantic, not an undo.
	void cancelUndelivered(DeliveryFailed failed, EventEnvelope envelope) {
		cancel(envelope, CancellationReason.NO_COURIER,
				failed.reason() + " (after " + failed.attempts() + " attempt(s))");
	}

	/**
	 * Moves the order on to {@code next} with {@code transition}, if the aggregate allows
	 * it. Early facts: a fact from further along (ticket.accepted before
	 * payment.completed) is accepted and the steps between are taken as implied, since
	 * each service acts only on the step before its own (the kitchen accepts only paid
	 * orders). Facts are facts: ignoring it would leave the order stuck, as the kitchen
	 * never says it again. The earlier fact, arriving late, then changes nothing and is
	 * shown as ignored.
	 */
	private void advance(EventEnvelope fact, OrderStatus next, BiConsumer<Order, Instant> transition, String detail) {
		Optional<Order> found = orderOf(fact);
		if (found.isEmpty()) {
			return;
		}
		Order order = found.get();
		if (!order.canAdvanceTo(next)) {
			ignored.record(order, fact, detail, IgnoredFacts.whyNotAdvance(order, next));
			return;
		}
		OrderStatus before = order.progress();
		transition.accept(order, clock.instant());
		List<OrderStatus> skipped = between(before, next);
		String note = skipped.isEmpty() ? detail
				: detail + "; arrived early: " + skipped + " taken as implied, its fact has not arrived yet";
		if (order.isCancelling()) {
			// The semantic lock: the order stays CANCELLING
			// until the kitchen answers, the fact still counts.
			note += "; a cancellation is pending: the order stays CANCELLING, and returns to " + next
					+ " if the kitchen refuses it";
		}
		timeline.record(order.id(), TimelineEntry.ofFact(fact, order.status().name(), null, note));
		log.info("Order {}: {} {} -> {}{}{}", order.id(), fact.type(), before, next,
				skipped.isEmpty() ? "" : " (early: " + skipped + " implied)",
				order.isCancelling() ? " (still CANCELLING)" : "");
	}

	/**
	 * The kitchen's answer to a cancellation request: see {@link Cancellations#answer}.
	 */
	private void answerCancellation(EventEnvelope answer, boolean granted, String detail) {
		orderOf(answer).ifPresent(order -> cancellations.answer(order, answer, granted, detail));
	}

	/** A fact that ends the order: see {@link Cancellations#cancel}. */
	private void cancel(EventEnvelope fact, CancellationReason reason, String detail) {
		orderOf(fact).ifPresent(order -> cancellations.cancel(order, fact, reason, detail));
	}

	/**
	 * Records a fact that changes nothing about the order (a refund): the timeline is its
	 * only effect.
	 */
	private void note(EventEnvelope fact, String detail) {
		orderOf(fact).ifPresent(order -> {
			timeline.record(order.id(), TimelineEntry.ofFact(fact, order.status().name(), null, detail));
			log.info("Order {}: {} noted, the order stays {}", order.id(), fact.type(), order.status());
		});
	}

	/**
	 * The order the fact is about; none when this service has never heard of it (then the
	 * fact is ignored).
	 */
	private Optional<Order> orderOf(EventEnvelope fact) {
		Optional<Order> order = orders.findById(fact.orderId());
		if (order.isEmpty()) {
			// No timeline to write to: a timeline belongs to an
			// order. Throwing would dead-letter a fact that no retry
			// can help; an operator finds it in this log line.
			log.info("Order {}: ignored {} {}: there is no such order here", fact.orderId(), fact.type(),
					fact.eventId());
		}
		return order;
	}

	/** The happy-path states strictly between the two: those an early fact skips. */
	private static List<OrderStatus> between(OrderStatus from, OrderStatus to) {
		return EnumSet.range(from, to).stream().filter(status -> status != from && status != to).toList();
	}

}
