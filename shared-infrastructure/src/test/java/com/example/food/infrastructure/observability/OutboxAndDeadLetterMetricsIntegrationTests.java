package com.example.food.infrastructure.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.deadletter.DeadLetter;
import com.example.food.infrastructure.deadletter.DeadLetterAdministration;
import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gauges every service shares, read from its real tables: the outbox's backlog and
 * the age of its oldest unsent event, and the dead letters still waiting for an operator.
 */
@InfrastructureTest
class OutboxAndDeadLetterMetricsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	DeadLetterAdministration deadLetters;

	@Test
	void showsTheUnsentEventsAndHowLongTheOldestHasWaitedUntilTheyAreSent() {
		// The test run owns its database: whatever
		// earlier tests left unsent counts as sent here.
		jdbc.sql("update outbox_message set sent_at = now() where sent_at is null").update();
		assertThat(gauge(OutboxMetrics.BACKLOG)).isZero();
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();

		UUID orderId = UUID.randomUUID();
		unsentEvent(orderId, "90 seconds");
		unsentEvent(orderId, "30 seconds");
		unsentEvent(UUID.randomUUID(), "1 second");

		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(3);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isBetween(90.0, 90.0 + PATIENCE.toSeconds());

		jdbc.sql("update outbox_message set sent_at = now() where order_id = ?").param(orderId).update();

		assertThat(gauge(OutboxMetrics.BACKLOG)).isEqualTo(1);
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isBetween(1.0, 1.0 + PATIENCE.toSeconds());

		jdbc.sql("update outbox_message set sent_at = now() where sent_at is null").update();

		assertThat(gauge(OutboxMetrics.BACKLOG)).isZero();
		assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();
	}

	@Test
	void countsTheDeadLettersThatWaitUntilOneIsDiscarded() {
		double before = deadLetterGauge();
		String messageId = UUID.randomUUID().toString();

		// Poison: not JSON. The service dead-letters it
		// at once and stores it in its dead_letter table.
		rabbit.send(Messaging.EXCHANGE, "payment.failed",
				MessageBuilder.withBody("{not json".getBytes(StandardCharsets.UTF_8))
					.setContentType("application/json")
					.setMessageId(messageId)
					.build());

		await().atMost(PATIENCE).until(() -> deadLetterGauge() == before + 1);
		DeadLetter letter = deadLetters.all()
			.stream()
			.filter(l -> messageId.equals(l.eventId()))
			.findFirst()
			.orElseThrow();

		deadLetters.discard(letter.id());

		assertThat(deadLetterGauge()).isEqualTo(before);
	}

	@Test
	void tagsEveryMeterWithItsService() {
		assertThat(meters.get(OutboxMetrics.BACKLOG).gauge().getId().getTag("application")).isEqualTo("infrastructure");
	}

	/**
	 * An event written {@code ago}, as the relay's outbox holds it. Its next attempt is
	 * an hour away, so that the relay running beside the test leaves it alone.
	 */
	private void unsentEvent(UUID orderId, String ago) {
		jdbc.sql(
				"""
						insert into outbox_message (event_id, order_id, routing_key, payload, created_at, next_attempt_at)
						values (:eventId, :orderId, 'payment.failed', '{}', now() - cast(:ago as interval), now() + interval '1 hour')
						""")
			.param("eventId", UUID.randomUUID())
			.param("orderId", orderId)
			.param("ago", ago)
			.update();
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}

	private double deadLetterGauge() {
		return meters.get(DeadLetterMetrics.DEAD_LETTERS).tag("queue", "infrastructure.events.dlq").gauge().value();
	}

}
