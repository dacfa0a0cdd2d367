package com.example.food.infrastructure.outbox;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.PaymentFailed;
import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@InfrastructureTest
class OutboxIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesTheEventWithTheTransactionThatCausedIt() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("card declined"), UUID.randomUUID());

		transaction.executeWithoutResult(status -> outbox.add(event));

		List<String> stored = jdbc.sql("select payload from outbox_message where event_id = ? and sent_at is null")
			.param(event.eventId())
			.query(String.class)
			.list();
		assertThat(stored).hasSize(1);
		assertThat(EventJson.read(stored.getFirst())).isEqualTo(event);
	}

	@Test
	void forgetsTheEventWhenTheTransactionRollsBack() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("card declined"), UUID.randomUUID());

		transaction.executeWithoutResult(status -> {
			outbox.add(event);
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("select count(*) from outbox_message where event_id = ?")
			.param(event.eventId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refusesToWriteOutsideATransaction() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("card declined"), UUID.randomUUID());

		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> outbox.add(event));
	}

}
