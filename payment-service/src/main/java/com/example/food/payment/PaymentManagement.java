package com.example.food.payment;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.infrastructure.outbox.Outbox;

/**
 * Payment's part in the saga: charge a placed order, refund a cancelled one, and answer what became
 * of an order's payment.
 *
 * The two handlers are state machines over the order's one payment, because events may come twice,
 * late or early: whatever they do not act on, they ignore on purpose and say why. They run in the
 * transaction of the idempotent consumer (MANDATORY), which also records the event as processed.
 * Two handlers racing for the same order (two replicas) meet on the unique payment.order_id or on
 * the payment's version; the loser's transaction fails, is retried, and finds the winner's payment.
 */
@Service
public class PaymentManagement {

	private static final Logger log = LoggerFactory.getLogger(PaymentManagement.class);

	private final Payments payments;

	private final PaymentGateway gateway;

	private final Outbox outbox;

	PaymentManagement(Payments payments, PaymentGateway gateway, Outbox outbox) {
		this.payments = payments;
		this.gateway = gateway;
		this.outbox = outbox;
	}

	/** order.placed: charge the order's total; approved or declined, the outcome is announced. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void charge(OrderPlaced order, EventEnvelope envelope) {
		// Saga step: payment charges the placed order (payment.completed lets the kitchen cook; payment.failed cancels).
		UUID orderId = envelope.orderId();
		Optional<Payment> known = payments.findByOrderId(orderId);
		if (known.isPresent()) {
			ignoreCharge(known.get());
			return;
		}
		// In-process and instant, so calling it inside the transaction costs nothing; a real, remote
		// gateway would be called outside it, with the order id as the idempotency key.
		GatewayDecision decision = gateway.charge(order.paymentToken(), order.total());
		Payment payment = Payment.attempt(orderId, order, decision);
		save(payment, envelope);
		switch (payment.status()) {
			case CHARGED -> log.info("Order {}: CHARGED {} (payment {})", orderId, payment.amount(), payment.id());
			default -> log.info("Order {}: DECLINED {}: {} (payment {})", orderId, payment.amount(), payment.reason(),
					payment.id());
		}
	}

	/** order.cancelled: give the money back if it was taken; otherwise make sure it never will be. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refundIfCharged(OrderCancelled cancelled, EventEnvelope envelope) {
		// Saga step: compensation; payment refunds a charged order that was cancelled (payment.refunded).
		UUID orderId = envelope.orderId();
		Optional<Payment> known = payments.findByOrderId(orderId);
		if (known.isEmpty()) {
			save(Payment.cancelledBeforeCharge(orderId, cancelled.reason()), envelope);
			log.info("Order {}: cancelled ({}) before any charge: stored a tombstone so that a late order.placed is "
					+ "not charged", orderId, cancelled.reason());
			return;
		}
		Payment payment = known.get();
		switch (payment.status()) {
			case CHARGED -> {
				payment.refund(cancelled.reason());
				save(payment, envelope);
				log.info("Order {}: REFUNDED {} (payment {}), order cancelled ({})", orderId, payment.amount(),
						payment.id(), cancelled.reason());
			}
			case DECLINED -> log.info("Order {}: order.cancelled ignored: the payment was declined, nothing to refund",
					orderId);
			case REFUNDED -> log.info("Order {}: order.cancelled ignored: payment {} was already refunded", orderId,
					payment.id());
			case CANCELLED_BEFORE_CHARGE -> log.info("Order {}: order.cancelled ignored: already cancelled before any "
					+ "charge", orderId);
		}
	}

	@Transactional(readOnly = true)
	public Payment findByOrder(UUID orderId) {
		return payments.findByOrderId(orderId).orElseThrow(() -> PaymentNotFound.forOrder(orderId));
	}

	@Transactional(readOnly = true)
	public Payment find(UUID paymentId) {
		return payments.findById(paymentId).orElseThrow(() -> PaymentNotFound.withId(paymentId));
	}

	/** An order is charged at most once: a repeated or late order.placed finds its payment and stops. */
	private static void ignoreCharge(Payment payment) {
		switch (payment.status()) {
			case CANCELLED_BEFORE_CHARGE -> log.info("Order {}: order.placed ignored: order already cancelled, "
					+ "nothing charged", payment.orderId());
			case CHARGED, DECLINED, REFUNDED -> log.info("Order {}: order.placed ignored: the order already has a {} "
					+ "payment {}; an order is charged at most once", payment.orderId(), payment.status(), payment.id());
		}
	}

	/**
	 * Saves the payment and writes the events it caused to the outbox, in the handler's transaction.
	 * Flushed at once, so that a concurrent payment for the same order fails here, on the unique key.
	 */
	private void save(Payment payment, EventEnvelope cause) {
		payments.saveAndFlush(payment);
		payment.takeEvents().forEach(event -> outbox.add(cause.caused(event)));
	}
}
