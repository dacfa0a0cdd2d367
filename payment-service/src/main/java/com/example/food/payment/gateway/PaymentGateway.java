package com.example.food.payment.gateway;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.example.food.infrastructure.observability.OrderLogContext;

/**
 * A simulated card gateway that behaves like a remote one where it matters: it answers on
 * its own threads (a caller that stops waiting does not stop it), it can be slow or lose
 * its answers ({@link GatewayFaultSwitch}), and it is idempotent: every call carries an
 * idempotency key, and a key already in its {@link GatewayLedger ledger} gets the
 * recorded outcome and changes nothing. That is what makes a retry after a timeout or a
 * crash safe: it never takes the money twice.
 *
 * <p>
 * Deterministic: authorisations follow {@link AuthorizationRules}; capture, void and
 * refund are approved.
 */
@Component
public class PaymentGateway implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PaymentGateway.class);

	private final GatewayLedger ledger;

	private final GatewayFaultSwitch faults;

	private final AuthorizationRules rules;

	// The other system's threads: virtual, so that a
	// slow gateway (the delay switch) costs nothing.
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	PaymentGateway(GatewayLedger ledger, GatewayFaultSwitch faults, GatewayProperties properties) {
		this.ledger = ledger;
		this.faults = faults;
		this.rules = new AuthorizationRules(properties.creditLimit());
	}

	/**
	 * Sends the request. The answer comes later, or never (the caller decides how long to
	 * wait); either way the gateway may have done the operation.
	 */
	public CompletableFuture<GatewayDecision> submit(GatewayRequest request) {
		CompletableFuture<GatewayDecision> answer = new CompletableFuture<>();
		threads.execute(() -> OrderLogContext.with(request.orderId(), () -> {
			try {
				answer.complete(handle(request));
			}
			catch (RuntimeException ex) {
				answer.completeExceptionally(ex);
			}
		}));
		return answer;
	}

	private GatewayDecision handle(GatewayRequest request) {
		faults.delay();
		String key = request.idempotencyKey();
		Optional<LedgerEntry> known = ledger.find(key);
		known.ifPresent(entry -> log.info(
				"Order {}: gateway: {} is already in the ledger ({}); answering that, doing " + "nothing again",
				request.orderId(), key, entry.outcome()));
		LedgerEntry entry = known.orElseGet(() -> ledger.record(request, decide(request)));
		if (faults.failThisCall()) {
			log.info("Order {}: gateway: {} is recorded ({}), and its answer is lost on purpose (fault switch)",
					request.orderId(), key, entry.outcome());
			throw new GatewayUnavailable("the gateway recorded " + key + " but its answer was lost (fault switch)");
		}
		return entry.decision();
	}

	private GatewayDecision decide(GatewayRequest request) {
		return switch (request.operation()) {
			case AUTHORIZE ->
				rules.authorize(Objects.requireNonNull(request.paymentToken(), "paymentToken"), request.amount());
			case CAPTURE, VOID, REFUND -> new GatewayDecision.Approved();
		};
	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}

}
