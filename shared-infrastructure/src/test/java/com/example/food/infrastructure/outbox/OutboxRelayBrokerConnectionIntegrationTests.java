package com.example.food.infrastructure.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.observability.OutboxMetrics;
import com.example.food.infrastructure.testapp.InfrastructureTest;
import com.example.food.infrastructure.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The relay and a broker that answers late, never, or cannot be reached: a
 * {@link TcpProxy} sits between the relay's connection and the broker. No transaction is
 * open while the relay waits for the broker's answers; an answer that never comes costs
 * the batch one confirm timeout; a broker that cannot be reached costs the events nothing
 * but the wait.
 */
@InfrastructureTest
class OutboxRelayBrokerConnectionIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	RabbitConnectionDetails broker;

	@Autowired
	RabbitTemplate rabbit;

	IsolatedOutbox outbox;

	CountingQueue delivery;

	TcpProxy proxy;

	CachingConnectionFactory relayConnection;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void relayConnectedThroughAProxy() {
		outbox = new IsolatedOutbox(jdbc, database);
		delivery = new CountingQueue(rabbit, RoutingKeys.DELIVERY_FAILED);
		proxy = TcpProxy.to(broker.getFirstAddress().host(), broker.getFirstAddress().port());
		relayConnection = new CachingConnectionFactory("127.0.0.1", proxy.port());
		relayConnection.setUsername(broker.getUsername());
		relayConnection.setPassword(broker.getPassword());
		if (broker.getVirtualHost() != null) { // none: the broker's default
			relayConnection.setVirtualHost(broker.getVirtualHost());
		}
		// As the services' relays publish: correlated
		// confirms, returns, their own connection.
		relayConnection.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		relayConnection.setPublisherReturns(true);
	}

	@AfterEach
	void closeEverything() {
		proxy.release();
		relayConnection.destroy();
		proxy.close();
		delivery.close();
		outbox.close();
	}

	@Test
	void holdsNoTransactionOpenWhileItWaitsForTheBrokersConfirms() throws Exception {
		List<EventEnvelope> events = List.of(deliveryFailed(), deliveryFailed(), deliveryFailed());
		outbox.write(events.toArray(EventEnvelope[]::new));
		OutboxRelay relay = relay(Duration.ofSeconds(10));

		proxy.hold();
		CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(relay::publishBatch);
		try {
			// The broker has the events (the proxy holds
			// only what it says back): the relay waits.
			await().atMost(PATIENCE).until(() -> delivery.received().size() == 3);
			await().during(Duration.ofMillis(1500)).atMost(PATIENCE).untilAsserted(() -> {
				assertThat(publishing).as("the relay waits for the confirms").isNotDone();
				assertThat(transactionsOpenForHalfASecond()).as("sessions in a transaction meanwhile").isEmpty();
			});
		}
		finally {
			proxy.release();
		}

		assertThat(publishing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
		for (EventEnvelope event : events) {
			assertThat(outbox.row(event).get("sent_at")).isNotNull();
			assertThat(outbox.row(event)).containsEntry("publications", 1).containsEntry("claim_id", null);
		}
	}

	@Test
	void waitsForTheConfirmsOfABatchOneTimeoutAltogetherThenTriesThemAgainLater() {
		List<EventEnvelope> events = List.of(deliveryFailed(), deliveryFailed(), deliveryFailed(), deliveryFailed(),
				deliveryFailed());
		outbox.write(events.toArray(EventEnvelope[]::new));
		OutboxRelay relay = relay(Duration.ofSeconds(1));

		proxy.hold();
		long started = System.nanoTime();
		int claimed;
		try {
			claimed = relay.publishBatch();
		}
		finally {
			proxy.release();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(claimed).isEqualTo(5);
		assertThat(took).as("one confirm timeout for the batch, not one per event")
			.isBetween(Duration.ofSeconds(1), Duration.ofMillis(2500));
		for (EventEnvelope event : events) {
			assertThat(outbox.row(event)).containsEntry("sent_at", null)
				.containsEntry("attempts", 1)
				.containsEntry("claim_id", null)
				.containsEntry("publications", 1);
			assertThat(outbox.row(event).get("next_attempt_at")).isNotNull();
		}

		// The broker had them all the same: the next
		// try, a second later, publishes them again.
		await().atMost(PATIENCE).until(() -> {
			relay.publishBatch();
			return events.stream().allMatch(event -> outbox.row(event).get("sent_at") != null);
		});
		for (EventEnvelope event : events) {
			assertThat(outbox.row(event)).containsEntry("publications", 2);
			assertThat(delivery.count(event)).isEqualTo(2);
		}
		assertThat(meters.counter(OutboxMetrics.REPUBLISHED).count()).isEqualTo(5);
	}

	@Test
	void releasesItsClaimAtOnceWhenTheBrokerIsUnreachableAndPublishesAtTheFirstPollAfterItIsBack() {
		List<EventEnvelope> events = List.of(deliveryFailed(), deliveryFailed());
		outbox.write(events.toArray(EventEnvelope[]::new));
		OutboxRelay relay = relay(Duration.ofSeconds(10));

		proxy.cut();
		assertThatExceptionOfType(AmqpException.class).isThrownBy(relay::publishBatch);

		for (EventEnvelope event : events) {
			assertThat(outbox.row(event)).as("released, as if never claimed")
				.containsEntry("sent_at", null)
				.containsEntry("attempts", 0)
				.containsEntry("next_attempt_at", null)
				.containsEntry("claim_id", null)
				.containsEntry("publications", 0);
		}

		proxy.restore();
		relay.relay();

		for (EventEnvelope event : events) {
			assertThat(outbox.row(event).get("sent_at")).isNotNull();
			assertThat(outbox.row(event)).containsEntry("publications", 1);
			assertThat(delivery.count(event)).isEqualTo(1);
		}
	}

	@Test
	void releasesWithoutPenaltyTheEventsWhoseConnectionDroppedBeforeTheBrokerAnswered() {
		List<EventEnvelope> events = List.of(deliveryFailed(), deliveryFailed());
		outbox.write(events.toArray(EventEnvelope[]::new));
		OutboxRelay relay = relay(Duration.ofSeconds(10));
		proxy.hold();
		CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(relay::publishBatch);
		await().atMost(PATIENCE).until(() -> delivery.received().size() == 2);

		proxy.cut();

		assertThat(publishing).failsWithin(PATIENCE)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(AmqpException.class);
		for (EventEnvelope event : events) {
			assertThat(outbox.row(event)).as("released without a penalty")
				.containsEntry("sent_at", null)
				.containsEntry("attempts", 0)
				.containsEntry("next_attempt_at", null)
				.containsEntry("claim_id", null)
				.containsEntry("publications", 1);
		}

		proxy.release();
		proxy.restore();
		assertThat(relay.publishBatch()).isEqualTo(2);

		for (EventEnvelope event : events) {
			assertThat(outbox.row(event).get("sent_at")).isNotNull();
			// Handed over twice, and the broker had it
			// both times: the consumers are idempotent.
			assertThat(outbox.row(event)).containsEntry("publications", 2);
			assertThat(delivery.count(event)).isEqualTo(2);
		}
	}

	private OutboxRelay relay(Duration confirmTimeout) {
		RabbitTemplate template = new RabbitTemplate(relayConnection);
		template.setMandatory(true);
		template.setUsePublisherConnection(true);
		// Connected, with a channel in the cache, while the broker still answers.
		template.execute(channel -> null);
		return outbox.relay(template, IsolatedOutbox.settings(confirmTimeout, Duration.ofSeconds(60)), meters);
	}

	/**
	 * Sessions of the test database, other than this one, in a transaction begun over
	 * half a second ago.
	 */
	private List<Map<String, Object>> transactionsOpenForHalfASecond() {
		return jdbc.sql("""
				select pid, state, xact_start, query from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid()
				  and xact_start < clock_timestamp() - interval '500 milliseconds'
				""").query().listOfRows();
	}

	private static EventEnvelope deliveryFailed() {
		return EventEnvelope.of(new DeliveryFailed("no courier available", 1), UUID.randomUUID());
	}

}
