package com.example.food.order.saga;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventJson;
import com.example.food.events.OrderCancelled;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order that sits in one state past its deadline is reported once: a timeline entry
 * and the counter. Instead of waiting out a shortened deadline, the test moves the
 * order's last change back past the configured one (the database stands in for time
 * passing); the check itself runs every
 * {@value OrderServiceIntegrationTestSupport#DEADLINE_CHECK_INTERVAL_MS} ms here.
 */
class SagaDeadlinesIntegrationTests extends SagaIntegrationTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void asksTheKitchenToCancelAnOrderStuckBeforeItAcceptedAndReportsItOnce() {
		UUID orderId = placedOrder();
		double before = exceeded("AWAITING_PAYMENT");

		jdbc.update("update customer_order set updated_at = now() - interval '1 hour' where id = ?", orderId);

		awaitStatus(orderId, "CANCELLING");
		// Nothing is forced: only the kitchen's answer cancels it.
		assertThat(bus.events(OrderCancelled.class, orderId)).isEmpty();
		publishAndAwait(ticketCancelled(CancellationReason.DEADLINE_EXCEEDED), orderId);
		awaitStatus(orderId, "CANCELLED");
		// Several more checks run meanwhile: the report stays one, the cancellation too.
		Awaitility.await()
			.during(Duration.ofMillis(5L * DEADLINE_CHECK_INTERVAL_MS))
			.atMost(Duration.ofSeconds(5))
			.until(() -> deadlineSteps(orderId).size() == 1);
		JsonNode step = deadlineSteps(orderId).getFirst();
		assertThat(step.get("service").asString()).isEqualTo("order");
		assertThat(step.get("detail").asString()).contains("longer than its deadline of PT2M")
			.contains("cancellation requested");
		assertThat(exceeded("AWAITING_PAYMENT")).isEqualTo(before + 1);
		assertThat(order(orderId).get("reason").asString()).isEqualTo("DEADLINE_EXCEEDED");
		List<String> cancellations = jdbc.queryForList(
				"select payload from outbox_message where order_id = ? and routing_key = 'order.cancelled'",
				String.class, orderId);
		assertThat(cancellations).hasSize(1);
		assertThat(((OrderCancelled) EventJson.read(cancellations.getFirst()).payload()).reason())
			.isEqualTo(CancellationReason.DEADLINE_EXCEEDED);
	}

	@Test
	void onlyReportsAnOrderStuckAfterTheKitchenAccepted() {
		UUID orderId = placedOrder();
		publishAndAwait(paymentCompleted(), orderId);
		publishAndAwait(ticketAccepted(), orderId);
		awaitStatus(orderId, "PREPARING");

		jdbc.update("update customer_order set updated_at = now() - interval '1 hour' where id = ?", orderId);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deadlineSteps(orderId).size() == 1);
		assertThat(deadlineSteps(orderId).getFirst().get("detail").asString()).contains("reported only");
		Awaitility.await()
			.during(Duration.ofMillis(3L * DEADLINE_CHECK_INTERVAL_MS))
			.atMost(Duration.ofSeconds(5))
			.until(() -> "PREPARING".equals(status(orderId)));
	}

	@Test
	void leavesAnOrderWithinItsDeadlineAlone() {
		UUID orderId = placedOrder();
		publish(paymentCompleted(), orderId);
		awaitStatus(orderId, "PAID");

		Awaitility.await()
			.during(Duration.ofMillis(3L * DEADLINE_CHECK_INTERVAL_MS))
			.atMost(Duration.ofSeconds(5))
			.until(() -> deadlineSteps(orderId).isEmpty());
	}

	private List<JsonNode> deadlineSteps(UUID orderId) {
		return timeline(orderId).stream()
			.filter(step -> step.get("step").asString().startsWith("deadline passed in"))
			.toList();
	}

	private double exceeded(String state) {
		Counter counter = meters.find("food.saga.deadline.exceeded").tag("state", state).counter();
		return counter == null ? 0 : counter.count();
	}

}
