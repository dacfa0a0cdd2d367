package com.example.food.infrastructure.retention;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on the real tables, with the shared defaults: sent outbox rows and
 * processed event ids are kept 7 days, then deleted; an unsent outbox row is never
 * deleted, however old.
 */
@InfrastructureTest
class RetentionJobIntegrationTests {

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcClient jdbc;

	private final UUID orderId = UUID.randomUUID();

	@AfterEach
	void removeTheRowsOfThisTest() {
		jdbc.sql("delete from outbox_message where order_id = ?").param(orderId).update();
		jdbc.sql("delete from processed_event where order_id = ?").param(orderId).update();
	}

	@Test
	void deletesTheOutboxRowsSentLongerAgoThanTheRetentionAndKeepsTheUnsentOnes() {
		UUID sentLongAgo = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
		UUID sentYesterday = outboxRow("now() - interval '1 day'", "now() - interval '1 day'");
		// Never sent (the broker refused it for a month,
		// say): it must go out one day, not vanish.
		UUID neverSent = outboxRow("now() - interval '30 days'", "null");

		Map<String, Integer> deleted = retention.deleteExpired();

		assertThat(outboxEventsOfThisOrder()).containsExactlyInAnyOrder(sentYesterday, neverSent)
			.doesNotContain(sentLongAgo);
		assertThat(deleted.get("outbox_message")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void deletesProcessedEventIdsPastTheirRetentionInBatches() {
		int old = RetentionJob.BATCH_SIZE * 2 + 500;
		jdbc.sql("""
				insert into processed_event (event_id, routing_key, order_id, processed_at)
				select gen_random_uuid(), 'payment.completed', :orderId, now() - interval '8 days'
				from generate_series(1, :rows)
				""").param("orderId", orderId).param("rows", old).update();
		UUID recent = UUID.randomUUID();
		jdbc.sql("""
				insert into processed_event (event_id, routing_key, order_id, processed_at)
				values (:eventId, 'payment.completed', :orderId, now() - interval '6 days')
				""").param("eventId", recent).param("orderId", orderId).update();

		Map<String, Integer> deleted = retention.deleteExpired();

		assertThat(deleted.get("processed_event")).as("three batches, the last one short").isGreaterThanOrEqualTo(old);
		assertThat(jdbc.sql("select event_id from processed_event where order_id = ?")
			.param(orderId)
			.query(UUID.class)
			.list()).containsExactly(recent);
	}

	@Test
	void deletesNothingTheSecondTime() {
		outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
		retention.deleteExpired();

		Map<String, Integer> again = retention.deleteExpired();

		assertThat(again).containsEntry("outbox_message", 0).containsEntry("processed_event", 0);
	}

	/**
	 * An outbox row of this test's order; one never sent is not due before 2999, so the
	 * relay leaves it alone.
	 */
	private UUID outboxRow(String createdAt, String sentAt) {
		UUID eventId = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into outbox_message (event_id, order_id, routing_key, payload, created_at, sent_at, next_attempt_at)
						values (:eventId, :orderId, 'test.retention', '{}', %s, %s, '2999-01-01')
						"""
					.formatted(createdAt, sentAt))
			.param("eventId", eventId)
			.param("orderId", orderId)
			.update();
		return eventId;
	}

	private List<UUID> outboxEventsOfThisOrder() {
		return jdbc.sql("select event_id from outbox_message where order_id = ?")
			.param(orderId)
			.query(UUID.class)
			.list();
	}

}
