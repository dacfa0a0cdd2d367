package com.example.food.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.example.food.order.OrderManagement;
import com.example.food.order.OrderStatus;
import com.example.food.order.Orders;
import com.example.food.order.timeline.Timeline;

/**
 * Saga deadlines: a choreographed saga has no conductor to notice that a step never came
 * (payment down, a message dead-lettered and never replayed), so an order could wait
 * forever. This check finds orders that sat in one state longer than its deadline and
 * reports each once per state: a timeline entry, a WARN line and the counter
 * {@value #METRIC} tagged with the state.
 *
 * <p>
 * Before the kitchen accepts (AWAITING_PAYMENT and PAID) it also asks for the order to be
 * cancelled with reason DEADLINE_EXCEEDED, through the same door as a customer: the
 * kitchen decides (it may have accepted a second ago, or be down), and only a granted
 * request cancels the order. Nothing is forced on order-service's own view. Later states,
 * and a CANCELLING order whose answer is late, are only reported: what cannot be decided
 * is reported, never forced.
 */
@Component
class SagaDeadlines {

	static final String METRIC = "food.saga.deadline.exceeded";

	private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);

	private final Orders orders;

	private final Timeline timeline;

	private final SagaProperties properties;

	private final MeterRegistry meters;

	private final OrderManagement management;

	SagaDeadlines(Orders orders, Timeline timeline, SagaProperties properties, MeterRegistry meters,
			OrderManagement management) {
		this.orders = orders;
		this.timeline = timeline;
		this.properties = properties;
		this.meters = meters;
		this.management = management;
		// At zero from the start, so that Prometheus
		// sees the first report as an increase.
		properties.deadlines().keySet().forEach(state -> meters.counter(METRIC, "state", state.name()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		log.info("Saga deadlines: checked every {}; {}", properties.deadlineCheckInterval(),
				new TreeMap<>(properties.deadlines()));
	}

	/**
	 * One statement per watched state; each report is its own small write (no transaction
	 * spans the run), and the timeline's unique index keeps it to once per order and
	 * state, also when an order stays stuck for many runs or two replicas check at once.
	 * An order whose fact is handled between the query and the report still gets it: it
	 * did sit in that state past its deadline.
	 */
	@Scheduled(fixedDelayString = "${food.saga.deadline-check-interval:10s}",
			initialDelayString = "${food.saga.deadline-check-interval:10s}")
	void check() {
		Instant now = Instant.now();
		for (Map.Entry<OrderStatus, Duration> deadline : properties.deadlines().entrySet()) {
			report(deadline.getKey(), deadline.getValue(), now);
		}
	}

	private void report(OrderStatus status, Duration deadline, Instant now) {
		boolean cancellable = status.isBefore(OrderStatus.PREPARING);
		for (Orders.Idle idle : orders.findByLifecycleStatusAndUpdatedAtBefore(status, now.minus(deadline))) {
			String detail = "in " + status + " since " + idle.updatedAt() + ", longer than its deadline of " + deadline
					+ (cancellable ? "; cancellation requested: the kitchen decides"
							: "; reported only: no cancellation is asked in this state");
			if (timeline.reportDeadlinePassed(idle.id(), status.name(), idle.updatedAt().plus(deadline), detail)) {
				log.warn("Order {}: deadline passed in {} (there since {}, deadline {}); {}", idle.id(), status,
						idle.updatedAt(), deadline,
						cancellable ? "asking the kitchen to cancel it" : "reported, not cancelled");
				meters.counter(METRIC, "state", status.name()).increment();
			}
			if (cancellable) {
				cancel(idle, status, deadline);
			}
		}
	}

	// Tried at every check while the order is still stuck: a fact
	// handled at the same moment makes this attempt fail (optimistic
	// lock) or find nothing to do, and that is fine either way.
	private void cancel(Orders.Idle idle, OrderStatus status, Duration deadline) {
		try {
			management.requestCancellationForDeadline(idle.id(), status,
					"no progress in " + status + " within " + deadline);
		}
		catch (RuntimeException ex) {
			log.warn(
					"Order {}: asking to cancel it after its deadline failed this time ({}); tried again at the next check",
					idle.id(), ex.getMessage());
		}
	}

}
