package com.example.food.order;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.example.food.events.CancellationReason;

/**
 * How the sagas end and how long they take, measured where every transition of an order
 * lands: its save. It is the order's JPA entity listener, so placing, the customer's
 * cancel, the deadline's cancel and each fact of the saga are measured alike, and nothing
 * needs to remember to call it.
 *
 * <ul>
 * <li>{@value #OUTCOME}{@code {state, reason}}: orders that reached a final state
 * (DELIVERED with reason {@value #NO_REASON}, REJECTED, CANCELLED with its reason);
 * Prometheus: {@code food_saga_outcome_total}.</li>
 * <li>{@value #TIME_TO_STATE}{@code {state}}: from placement to each state an order moved
 * to, as a histogram for p50/p95; Prometheus:
 * {@code food_saga_time_to_state_seconds_bucket}.</li>
 * </ul>
 *
 * Counted once the transaction has committed, never before: a transition that is rolled
 * back (a failed handler that will be retried, a conflicting concurrent change) is not
 * counted, and a duplicate or late fact changes nothing, so no update happens and nothing
 * is counted again.
 */
@Component
class SagaMetrics {

	static final String OUTCOME = "food.saga.outcome";

	static final String TIME_TO_STATE = "food.saga.time.to.state";

	static final String NO_REASON = "none";

	private final MeterRegistry meters;

	SagaMetrics(MeterRegistry meters) {
		this.meters = meters;
		// Every series exists from the start at zero: one that first
		// appears at 1 shows no increase in Prometheus' rate(), and
		// a dashboard would miss the first outcome of each kind.
		outcome(OrderStatus.DELIVERED, null);
		outcome(OrderStatus.REJECTED, Order.STOCK_INSUFFICIENT);
		EnumSet.allOf(CancellationReason.class).forEach(reason -> outcome(OrderStatus.CANCELLED, reason.name()));
		EnumSet.complementOf(EnumSet.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.REJECTED)).forEach(this::timeTo);
	}

	/**
	 * A new order: an outcome already if it ended at once (not enough stock, inventory
	 * unreachable).
	 */
	@PostPersist
	void placed(Order order) {
		OrderStatus state = order.status();
		String reason = order.reason();
		if (state.isFinal()) {
			afterCommit(() -> outcome(state, reason).increment());
		}
	}

	/**
	 * A saved change: an order's only changes are its transitions, so it has moved to a
	 * new state.
	 */
	@PostUpdate
	void moved(Order order) {
		OrderStatus state = order.status();
		String reason = order.reason();
		Duration sincePlaced = Duration.between(order.createdAt(), order.updatedAt());
		afterCommit(() -> {
			timeTo(state).record(sincePlaced);
			if (state.isFinal()) {
				outcome(state, reason).increment();
			}
		});
	}

	private Counter outcome(OrderStatus state, @Nullable String reason) {
		return Counter.builder(OUTCOME)
			.description("Orders that reached a final state, by state and reason")
			.tag("state", state.name())
			.tag("reason", reason == null ? NO_REASON : reason)
			.register(meters);
	}

	private Timer timeTo(OrderStatus state) {
		return Timer.builder(TIME_TO_STATE)
			.description("Time from placing an order to each state it moved to")
			.tag("state", state.name())
			// Buckets from 100 ms (one hop of the saga) to
			// 30 min (the longest deadline): 63 of them.
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(100))
			.maximumExpectedValue(Duration.ofMinutes(30))
			.register(meters);
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
