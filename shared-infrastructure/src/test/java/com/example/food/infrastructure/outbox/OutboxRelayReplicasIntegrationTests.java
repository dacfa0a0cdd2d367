package com.example.food.infrastructure.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.Messaging;
import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several replicas of a service share one outbox table: three relays (the application's
 * own and two more) publish at the same time. Each event must go out exactly once (each
 * claim holds its rows until it has settled them), and the events of one order in the
 * order they were written.
 */
@InfrastructureTest
class OutboxRelayReplicasIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	OutboxRelay applicationRelay;

	@Autowired
	MessagingProperties properties;

	@Test
	void publishesEachEventOnceAndEachOrdersEventsInOrderWhenReplicasRelayTogether() throws Exception {
		RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
		Queue consumer = new AnonymousQueue();
		admin.declareQueue(consumer);
		admin.declareBinding(
				BindingBuilder.bind(consumer).to(new TopicExchange(Messaging.EXCHANGE)).with("delivery.failed"));
		List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		Map<UUID, List<String>> written = new HashMap<>();
		transaction.executeWithoutResult(status -> {
			for (int step = 1; step <= 15; step++) {
				for (UUID order : orders) {
					EventEnvelope event = EventEnvelope.of(new DeliveryFailed("attempt " + step, step), order);
					outbox.add(event);
					written.computeIfAbsent(order, key -> new ArrayList<>()).add(event.eventId().toString());
				}
			}
		});

		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int replica = 0; replica < 2; replica++) {
				OutboxRelay relay = new OutboxRelay(jdbc, transaction, applicationRelay.rabbit(), properties.relay(),
						new TraceHandoff(Tracer.NOOP, Propagator.NOOP), new SimpleMeterRegistry());
				running.add(replicas.submit(() -> {
					while (unsent(orders) > 0) {
						relay.publishBatch();
					}
				}));
			}
			for (Future<?> replica : running) {
				replica.get();
			}
		}
		finally {
			replicas.shutdownNow();
		}

		Map<UUID, List<String>> received = new HashMap<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			// receive without a timeout is a basic.get: a consumer with a
			// timeout would, when cancelled, delete the auto-delete queue.
			for (Message message = rabbit.receive(consumer.getName()); message != null; message = rabbit
				.receive(consumer.getName())) {
				UUID order = UUID.fromString((String) message.getMessageProperties().getHeaders().get("x-order-id"));
				received.computeIfAbsent(order, key -> new ArrayList<>())
					.add(message.getMessageProperties().getMessageId());
			}
			return received.values().stream().mapToInt(List::size).sum() >= 60;
		});
		admin.deleteQueue(consumer.getName());
		assertThat(received).isEqualTo(written);
		assertThat(jdbc.sql("select distinct publications from outbox_message where order_id in (:orders)")
			.param("orders", orders)
			.query(Integer.class)
			.list()).as("each row handed to the broker once").containsExactly(1);
	}

	private int unsent(List<UUID> orders) {
		return jdbc.sql("select count(*) from outbox_message where sent_at is null and order_id in (:orders)")
			.param("orders", orders)
			.query(Integer.class)
			.single();
	}

}
