package com.example.food.payment;

import java.time.Clock;
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
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.payment.gateway.GatewayOperation;

/**
 * Payment's part in the saga: money is held, then taken. Hold (authorise) a placed
 * order's total, take it (capture) when the kitchen accepts, and on a cancellation
 * release the hold (void) or give the money back (refund); and answer what became of an
 * order's payment.
 *
 * <p>
 * The handlers only record <em>intents</em>: they never call the gateway inside their
 * transaction, which is the idempotent consumer's (MANDATORY). {@link GatewayCalls} makes
 * the call once it has committed and records the outcome, which announces the saga's next
 * fact. The handlers are state machines over the order's one payment, because events may
 * come twice, late or early: whatever they do not act on, they ignore on purpose and say
 * why; what comes while a gateway operation is pending is remembered with the payment
 * ({@link FollowUp}) and applied to its outcome.
 */
@Service
public class PaymentManagement {

	private static final Logger log = LoggerFactory.getLogger(PaymentManagement.class);

	private final Payments payments;

	private final GatewayCalls calls;

	private final StoredTraces traces;

	private final Clock clock;

	PaymentManagement(Payments payments, GatewayCalls calls, StoredTraces traces, Clock clock) {
		this.payments = payments;
		this.calls = calls;
		this.traces = traces;
		this.clock = clock;
	}

	/**
	 * order.placed: hold the order's total; the gateway's answer announces
	 * payment.completed or payment.failed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void authorize(OrderPlaced order, EventEnvelope envelope) {
		// Saga step: payment holds the placed order's total (then
		// payment.completed lets the kitchen cook; payment.failed cancels).
		UUID orderId = envelope.orderId();
		Optional<Payment> known = payments.lockByOrderId(orderId);
		if (known.isPresent()) {
			log.info("Order {}: order.placed ignored: {}", orderId, whyNotAgain(known.get()));
			return;
		}
		Payment payment = Payment.authorizing(order, envelope, clock.instant());
		// Flushed at once, so that a concurrent payment for
		// the same order fails here, on the unique key.
		saveIntent(payment);
		log.info("Order {}: AUTHORIZING {}: hold asked of the gateway (key {})", orderId, payment.amount(),
				GatewayOperation.AUTHORIZE.keyFor(orderId));
	}

	/** ticket.accepted: the kitchen is cooking, so the amount held is taken. */
	@Transactional(propagation = Propagation.MANDATORY)
	void capture(TicketAccepted ticket, EventEnvelope envelope) {
		// Saga step: payment captures the hold once
		// the kitchen accepted (payment.captured).
		UUID orderId = envelope.orderId();
		Optional<Payment> known = payments.lockByOrderId(orderId);
		if (known.isEmpty()) {
			log.info("Order {}: ticket.accepted ignored: payment has no payment for the order, nothing is held",
					orderId);
			return;
		}
		react(known.get(), known.get().requestCapture(envelope.eventId(), clock.instant()), "ticket.accepted");
	}

	/**
	 * order.cancelled: release the hold, or give back what was taken; if nothing is held
	 * yet, make sure nothing will be.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void voidOrRefund(OrderCancelled cancelled, EventEnvelope envelope) {
		// Saga step: compensation; payment voids a hold
		// (payment.voided) or refunds a capture (payment.refunded).
		UUID orderId = envelope.orderId();
		Optional<Payment> known = payments.lockByOrderId(orderId);
		if (known.isEmpty()) {
			payments.saveAndFlush(Payment.cancelledBeforePayment(orderId, cancelled.reason(), clock.instant()));
			log.info(
					"Order {}: cancelled ({}) before any payment: stored a tombstone so that a late order.placed holds "
							+ "nothing",
					orderId, cancelled.reason());
			return;
		}
		// Whatever the reason, NO_COURIER included: the customer
		// never got the meal, so a capture is refunded.
		react(known.get(), known.get().requestCancellation(cancelled.reason(), envelope.eventId(), clock.instant()),
				"order.cancelled (" + cancelled.reason() + ")");
	}

	@Transactional(readOnly = true)
	public Payment findByOrder(UUID orderId) {
		return payments.findByOrderId(orderId).orElseThrow(() -> PaymentNotFound.forOrder(orderId));
	}

	@Transactional(readOnly = true)
	public Payment find(UUID paymentId) {
		return payments.findById(paymentId).orElseThrow(() -> PaymentNotFound.withId(paymentId));
	}

	private void react(Payment payment, Reaction reaction, String fact) {
		UUID orderId = payment.orderId();
		switch (reaction) {
			case Reaction.Requested(GatewayOperation operation) -> {
				saveIntent(payment);
				log.info("Order {}: {}: {} asked of the gateway (key {}), payment {} is {}", orderId, fact, operation,
						operation.keyFor(orderId), payment.id(), payment.status());
			}
			case Reaction.Remembered(FollowUp followUp, GatewayOperation pending) -> {
				payments.saveAndFlush(payment);
				log.info("Order {}: {} while the {} is pending: {} remembered, applied as soon as the gateway answers",
						orderId, fact, pending, followUp);
			}
			case Reaction.Ignored(String why) -> log.info("Order {}: {} ignored for payment {} ({}): {}", orderId, fact,
					payment.id(), payment.status(), why);
		}
	}

	/**
	 * Saves the payment with its new intent, claimed, in the handler's transaction; the
	 * call follows the commit.
	 */
	private void saveIntent(Payment payment) {
		// The gateway call and its outcome continue this trace; the claim below reads it.
		traces.remember(payment.id());
		calls.callAfterCommit(payment);
		payments.saveAndFlush(payment);
	}

	/**
	 * An order is paid at most once: a repeated or late order.placed finds its payment
	 * and stops.
	 */
	private static String whyNotAgain(Payment payment) {
		return switch (payment.status()) {
			case CANCELLED_BEFORE_PAYMENT -> "the order was cancelled before any payment; nothing is held";
			case AUTHORIZING, AUTHORIZED, DECLINED, CAPTURED, VOIDED, REFUNDED -> "the order already has payment "
					+ payment.id() + " (" + payment.status() + "); an order is authorised at most once";
		};
	}

}
