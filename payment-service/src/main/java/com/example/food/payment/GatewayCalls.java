package com.example.food.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayRequest;
import com.example.food.payment.gateway.PaymentGateway;

/**
 * Intent, call, outcome: how a gateway operation is made without a remote call inside a
 * database transaction, and without ever making it twice.
 *
 * <ol>
 * <li>The intent is recorded with the payment, in the transaction of the event handler
 * (or of the previous outcome): the pending operation.</li>
 * <li>The same transaction <em>claims</em> it: it counts the attempt and keeps the poller
 * off for a lease. After that commits, a worker calls the gateway with the operation's
 * idempotency key, outside any transaction. (The poller, repeating a call, claims the
 * intent in a short transaction of its own first.)</li>
 * <li>The outcome is recorded in a new short transaction: the status moves and the event
 * goes to the outbox. Only a worker that finds its operation still pending records it; a
 * second worker with the same answer (same key, same answer) finds it recorded and does
 * nothing.</li>
 * </ol>
 *
 * A crash between the steps leaves the intent pending; a call that fails or times out
 * leaves it pending too, due again after a pause. {@link GatewayCallPoller} repeats such
 * calls, with the same key: whatever the gateway did the first time, it answers the same,
 * and does nothing again.
 */
@Component
class GatewayCalls implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);

	/** An intent taken by a worker: what to send, and where to record the answer. */
	private record Claim(UUID paymentId, UUID orderId, GatewayRequest request, int attempt, @Nullable String trace) {
	}

	private final Payments payments;

	private final PaymentGateway gateway;

	private final Outbox outbox;

	private final TransactionTemplate transaction;

	private final StoredTraces traces;

	private final TraceHandoff handoff;

	private final GatewayCallProperties settings;

	private final GatewayCallWorkers workers;

	private final Clock clock;

	GatewayCalls(Payments payments, PaymentGateway gateway, Outbox outbox, TransactionTemplate transaction,
			StoredTraces traces, TraceHandoff handoff, GatewayCallProperties settings, Clock clock) {
		this.payments = payments;
		this.gateway = gateway;
		this.outbox = outbox;
		this.transaction = transaction;
		this.traces = traces;
		this.handoff = handoff;
		this.settings = settings;
		this.clock = clock;
		this.workers = new GatewayCallWorkers(settings.workers());
	}

	/**
	 * Calls the gateway for the payment's intent as soon as the current transaction has
	 * committed: the normal path, with no poll delay. Never before the commit: the intent
	 * must be on record before anything can happen at the gateway. The current
	 * transaction, which records the intent, claims it too (counts the attempt, keeps the
	 * poller off for a lease): the worker needs no transaction of its own before the
	 * call.
	 */
	void callAfterCommit(Payment payment) {
		Claim claim = claimed(payment);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				workers.execute(claim.paymentId(), () -> callAndRecord(claim));
			}
		});
	}

	/**
	 * Makes the call for this payment's intent, unless it has none any more or another
	 * worker is at it.
	 */
	void call(UUID paymentId) {
		claim(() -> payments.lockPending(paymentId)).ifPresent(this::callAndRecord);
	}

	/**
	 * Makes the call for the intent due first (the poller's repair); false if none is
	 * due.
	 */
	boolean callNextDue() {
		Instant now = clock.instant();
		Optional<Claim> due = claim(() -> payments.lockNextDue(now, now.minus(settings.staleAfter())));
		due.ifPresent(claim -> {
			log.info("Order {}: {} still pending: calling the gateway again with the same key {} (attempt {})",
					claim.orderId(), claim.request().operation(), claim.request().idempotencyKey(), claim.attempt());
			callAndRecord(claim);
		});
		return due.isPresent();
	}

	private Optional<Claim> claim(Supplier<Optional<Payment>> lock) {
		return Objects.requireNonNull(transaction.execute(status -> lock.get().map(this::claimed)));
	}

	/**
	 * Counts the attempt and keeps the poller off the intent for a lease, in the caller's
	 * transaction.
	 */
	private Claim claimed(Payment payment) {
		int attempt = payment.attemptStarted(clock.instant().plus(settings.lease()));
		return new Claim(payment.id(), payment.orderId(), payment.pendingRequest(), attempt, traces.of(payment.id()));
	}

	private void callAndRecord(Claim claim) {
		GatewayRequest request = claim.request();
		String step = "payment " + request.operation().name().toLowerCase(Locale.ROOT);
		// In the order's trace, although on another
		// thread and after the handler's transaction.
		handoff.resume(claim.trace(), step, claim.orderId(), () -> {
			GatewayDecision decision;
			try {
				decision = gateway.submit(request).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				failed(claim, "no answer within " + settings.timeout().toMillis() + " ms");
				return;
			}
			catch (ExecutionException ex) {
				failed(claim, String.valueOf(ex.getCause().getMessage()));
				return;
			}
			catch (RuntimeException ex) {
				failed(claim, ex.toString());
				return;
			}
			catch (InterruptedException ex) {
				// Shutting down: the intent stays pending; the
				// poller makes the call after the restart.
				Thread.currentThread().interrupt();
				return;
			}
			record(claim, decision);
		});
	}

	/**
	 * The gateway did not answer: whether it did the operation is unknown, so only the
	 * same call may follow.
	 */
	private void failed(Claim claim, String why) {
		Duration pause = settings.pauseAfter(claim.attempt());
		log.warn(
				"Order {}: the gateway did not answer {} (attempt {}): {}; the intent stays pending and is retried "
						+ "with the same key {} in {} s",
				claim.orderId(), claim.request().operation(), claim.attempt(), why, claim.request().idempotencyKey(),
				pause.toMillis() / 1000.0);
		transaction.executeWithoutResult(status -> payments.lockById(claim.paymentId())
			.filter(payment -> payment.pendingOperation() == claim.request().operation())
			.ifPresent(payment -> payment.attemptFailed(clock.instant().plus(pause))));
	}

	private void record(Claim claim, GatewayDecision decision) {
		transaction.executeWithoutResult(status -> {
			// Locked: the event handlers wait while the
			// outcome is recorded, and so does another worker.
			Payment payment = payments.lockById(claim.paymentId()).orElseThrow();
			// The fact that asked for the operation caused what its answer announces.
			@Nullable UUID cause = payment.pendingCause();
			if (!payment.record(claim.request().operation(), decision, clock.instant())) {
				log.info(
						"Order {}: the answer to {} is recorded already (another worker made the same call, with "
								+ "the same key); nothing more to do",
						claim.orderId(), claim.request().idempotencyKey());
				return;
			}
			payment.takeEvents().forEach(event -> outbox.add(EventEnvelope.of(event, payment.orderId(), cause)));
			GatewayOutcomeLog.write(payment, claim.request().operation(), decision);
			if (payment.pendingOperation() != null) {
				traces.remember(payment.id());
				callAfterCommit(payment);
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		// Here, not in a bean of their own: the calls in flight
		// finish before the database they record in is closed.
		workers.shutdown(settings.timeout());
	}

}
