package com.example.food.order.inventory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reserves stock at inventory, the one synchronous call of placing an order, and says how
 * it went as a {@link ReservationOutcome} instead of an exception.
 *
 * <p>
 * The call is decorated by hand, so that the order of the decorators is visible: the
 * retry wraps the circuit breaker, which wraps the HTTP call. Each attempt therefore
 * counts against the breaker, and once the breaker opens, the retry stops at once (an
 * open breaker is not a transient failure: see application.yml). The failures are
 * translated only here, around the outermost decorator: recovering inside would hide them
 * from the retry.
 */
@Component
public class InventoryGateway {

	static final String NAME = "inventory";

	private static final Logger log = LoggerFactory.getLogger(InventoryGateway.class);

	private final InventoryClient client;

	private final Retry retry;

	private final CircuitBreaker breaker;

	private final InventoryProperties properties;

	InventoryGateway(InventoryClient client, RetryRegistry retries, CircuitBreakerRegistry breakers,
			InventoryProperties properties) {
		this.client = client;
		this.retry = retries.retry(NAME);
		this.breaker = breakers.circuitBreaker(NAME);
		this.properties = properties;
	}

	public ReservationOutcome reserve(ReservationRequest request) {
		AtomicInteger attempts = new AtomicInteger();
		Supplier<Reservation> call = () -> {
			log.info("Order {}: asking inventory to reserve {} line(s), attempt {}", request.orderId(),
					request.lines().size(), attempts.incrementAndGet());
			return client.reserve(request);
		};
		Supplier<Reservation> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
		try {
			Reservation reservation = guarded.get();
			if (!reservation.holdsStock()) {
				// Only a repeated request meets this: its
				// earlier reservation was released or expired.
				return new ReservationOutcome.Unavailable(
						"the reservation for this order is " + reservation.status() + ", no longer holding stock",
						properties.retryAfter());
			}
			return new ReservationOutcome.Reserved(reservation.lines());
		}
		catch (InventoryRefused refused) {
			return refused.outcome(); // StockInsufficient or UnknownProducts
		}
		catch (CallNotPermittedException ex) {
			return new ReservationOutcome.Unavailable("its circuit breaker is open after repeated failures",
					waitInOpenState());
		}
		catch (RetryableException ex) {
			return new ReservationOutcome.Unavailable(
					"no answer after " + attempts.get() + " attempt(s): " + ex.getMessage(), properties.retryAfter());
		}
	}

	// The breaker lets a trial call through after this
	// wait; sooner, a client's retry is refused anyway.
	private Duration waitInOpenState() {
		return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
	}

}
