package com.example.food.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The saga's metrics (SagaMetrics): an outcome is counted once when an order reaches a
 * final state, however often its fact arrives, and each transition records the time since
 * placement.
 *
 * <p>
 * The meters are summed over every registry of this JVM: another cached test context of
 * this module also consumes the test's order queue (competing consumers), and the context
 * that handles a fact is the one that counts it.
 */
class SagaMetricsIntegrationTests extends SagaIntegrationTestSupport {

	@Autowired
	MeterRegistry meters;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void countsAnOutcomeOnceAlthoughItsFactArrivesTwiceAndTimesIt() {
		UUID orderId = placedOrder();
		double cancelledBefore = outcomes("CANCELLED", "PAYMENT_DECLINED");
		long timesBefore = timesTo("CANCELLED");
		double secondsBefore = secondsTo("CANCELLED");

		EventEnvelope failed = publish(paymentFailed(), orderId);
		bus.publish(failed); // the same event again: the idempotent consumer drops it
		// the same fact under a new id: the saga ignores it
		publish(paymentFailed(), orderId);
		// one queue: everything before it is handled
		awaitStep(orderId, publish(paymentRefunded(), orderId));

		// Counted just after the commit, on the consumer's
		// thread: a moment after the order shows it.
		await()
			.untilAsserted(() -> assertThat(outcomes("CANCELLED", "PAYMENT_DECLINED")).isEqualTo(cancelledBefore + 1));
		assertThat(timesTo("CANCELLED")).isEqualTo(timesBefore + 1);
		JsonNode order = order(orderId);
		Duration sincePlaced = Duration.between(Instant.parse(order.get("createdAt").asString()),
				Instant.parse(order.get("updatedAt").asString()));
		assertThat(secondsTo("CANCELLED") - secondsBefore).isCloseTo(sincePlaced.toNanos() / 1e9, within(1e-6));
	}

	@Test
	void timesEveryStateOnTheWayAndCountsTheDelivery() {
		UUID orderId = placedOrder();
		double deliveredBefore = outcomes("DELIVERED", "none");
		long paidBefore = timesTo("PAID");
		long outForDeliveryBefore = timesTo("OUT_FOR_DELIVERY");
		long deliveredTimedBefore = timesTo("DELIVERED");

		deliverThroughTheSaga(orderId);

		await().untilAsserted(() -> assertThat(outcomes("DELIVERED", "none")).isEqualTo(deliveredBefore + 1));
		assertThat(timesTo("PAID")).isEqualTo(paidBefore + 1);
		assertThat(timesTo("OUT_FOR_DELIVERY")).isEqualTo(outForDeliveryBefore + 1);
		assertThat(timesTo("DELIVERED")).isEqualTo(deliveredTimedBefore + 1);
	}

	@Test
	void countsAnOrderRejectedWhenPlaced() {
		double before = outcomes("REJECTED", "STOCK_INSUFFICIENT");
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");

		assertThat(placeOrder(ORDER).status()).isEqualTo(409);

		// Counted after the commit, before the answer:
		// the request's thread commits and counts.
		assertThat(outcomes("REJECTED", "STOCK_INSUFFICIENT")).isEqualTo(before + 1);
	}

	@Test
	void doesNotCountATransitionThatIsRolledBack() {
		UUID orderId = placedOrder();
		double before = outcomes("CANCELLED", "PAYMENT_DECLINED");

		transaction.executeWithoutResult(status -> {
			orders.findById(orderId)
				.orElseThrow()
				.cancel(CancellationReason.PAYMENT_DECLINED, "card declined", Instant.now());
			orders.flush(); // the update is written, and with it the listener runs ...
			status.setRollbackOnly(); // ... but it never commits
		});

		assertThat(status(orderId)).isEqualTo("AWAITING_PAYMENT");
		assertThat(outcomes("CANCELLED", "PAYMENT_DECLINED")).isEqualTo(before);
	}

	@Test
	void startsEveryOutcomeAtZeroSoThatTheFirstOneShowsAsAnIncrease() {
		assertThat(meters.find("food.saga.outcome").counters())
			.extracting(counter -> counter.getId().getTag("state") + "/" + counter.getId().getTag("reason"))
			.contains("DELIVERED/none", "REJECTED/STOCK_INSUFFICIENT", "CANCELLED/PAYMENT_DECLINED",
					"CANCELLED/KITCHEN_REJECTED", "CANCELLED/NO_COURIER", "CANCELLED/CUSTOMER_REQUEST",
					"CANCELLED/INVENTORY_UNAVAILABLE", "CANCELLED/DEADLINE_EXCEEDED");
	}

	private static double outcomes(String state, String reason) {
		return everyRegistry(registry -> registry.find("food.saga.outcome").tag("state", state).tag("reason", reason))
			.stream()
			.map(Search::counters)
			.flatMap(Collection::stream)
			.mapToDouble(Counter::count)
			.sum();
	}

	/** How many orders moved to {@code state}. */
	private static long timesTo(String state) {
		return timers(state).mapToLong(Timer::count).sum();
	}

	/** The time those orders took to get there, in all. */
	private static double secondsTo(String state) {
		return timers(state).mapToDouble(timer -> timer.totalTime(TimeUnit.SECONDS)).sum();
	}

	private static Stream<Timer> timers(String state) {
		return everyRegistry(registry -> registry.find("food.saga.time.to.state").tag("state", state)).stream()
			.map(Search::timers)
			.flatMap(Collection::stream);
	}

	private static Collection<Search> everyRegistry(Function<MeterRegistry, Search> search) {
		return Metrics.globalRegistry.getRegistries().stream().map(search).toList();
	}

}
