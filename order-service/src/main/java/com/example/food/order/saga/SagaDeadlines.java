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

import com.example.food.order.OrderStatus;
import com.example.food.order.Orders;
import com.example.food.order.timeline.Timeline;

/**
 * Saga deadlines: a choreographed saga has no conductor to notice that a step never came (payment
 * down, a message dead-lettered and never replayed), so an order could wait forever. This check
 * finds orders that sat in one state longer than its deadline and reports each once per state: a
 * timeline entry, a WARN line and the counter {@value #METRIC} tagged with the state.
 *
 * <p>It only reports. Where the design allows (before the kitchen accepts, i.e. AWAITING_PAYMENT
 * and PAID) the order could also be cancelled, but order.cancelled must carry a reason its
 * consumers know, and the shared contracts have none for a deadline yet (DEADLINE_EXCEEDED would
 * be it); CUSTOMER_REQUEST would be a lie the other services act upon.
 */
@Component
class SagaDeadlines {

	static final String METRIC = "food.saga.deadline.exceeded";

	private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);

	private final Orders orders;

	private final Timeline timeline;

	private final SagaProperties properties;

	private final MeterRegistry meters;

	SagaDeadlines(Orders orders, Timeline timeline, SagaProperties properties, MeterRegistry meters) {
		this.orders = orders;
		this.timeline = timeline;
		this.properties = properties;
		this.meters = meters;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		log.info("Saga deadlines: checked every {}; {}", properties.deadlineCheckInterval(),
				new TreeMap<>(properties.deadlines()));
	}

	/**
	 * One statement per watched state; each report is its own small write (no transaction spans the
	 * run), and the timeline's unique index keeps it to once per order and state, also when an order
	 * stays stuck for many runs or two replicas check at once. An order whose fact is handled between
	 * the query and the report still gets it: it did sit in that state past its deadline.
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
		for (Orders.Idle idle : orders.findByStatusAndUpdatedAtBefore(status, now.minus(deadline))) {
			String detail = "in " + status + " since " + idle.updatedAt() + ", longer than its deadline of " + deadline
					+ "; reported only: cancelling on a deadline needs a cancellation reason the event contracts lack";
			if (timeline.reportDeadlinePassed(idle.id(), status.name(), idle.updatedAt().plus(deadline), detail)) {
				log.warn("Order {}: deadline passed in {} (there since {}, deadline {}); reported, not cancelled", idle.id(),
						status, idle.updatedAt(), deadline);
				meters.counter(METRIC, "state", status.name()).increment();
			}
		}
	}
}
