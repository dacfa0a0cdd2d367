package com.example.food.infrastructure.outbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.Messaging;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentVoided;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay settles each event of a batch on its own, on the real broker: what the broker
 * confirmed is sent whatever happened to the others, what it refused or returned waits on
 * its own, and a claim left by a relay that died runs out. The relays under test publish
 * with the application's relay template (its own connection, confirms, mandatory), from
 * an outbox of the test's own.
 */
@InfrastructureTest
class OutboxRelayIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	OutboxRelay applicationRelay;

	@Autowired
	RabbitTemplate rabbit;

	IsolatedOutbox outbox;

	CountingQueue delivery;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<Queue> refusing = new ArrayList<>();

	@BeforeEach
	void ownOutboxAndAQueueForTheDeliveryEvents() {
		outbox = new IsolatedOutbox(jdbc, database);
		delivery = new CountingQueue(rabbit, RoutingKeys.DELIVERY_FAILED);
	}

	@AfterEach
	void removeThem() {
		RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
		refusing.forEach(queue -> admin.deleteQueue(queue.getName()));
		delivery.close();
		outbox.close();
	}

	@Test
	void publishesOnAConnectionOfItsOwnNotTheListenersOne() {
		RabbitTemplate relayTemplate = applicationRelay.rabbit();

		assertThat(relayTemplate.isUsePublisherConnection()).isTrue();
		var relayConnection = relayTemplate.execute(channel -> channel.getConnection());
		var listenersConnection = ((CachingConnectionFactory) rabbit.getConnectionFactory()).createConnection()
			.getDelegate();
		assertThat(relayConnection).isNotNull().isNotSameAs(listenersConnection);
	}

	@Test
	void marksTheConfirmedEventsOfABatchSentWhenTheBrokerRefusesOneAndAnotherComesBack() {
		refuseEverything(RoutingKeys.PAYMENT_VOIDED);
		List<EventEnvelope> others = List.of(deliveryFailed(), deliveryFailed(), deliveryFailed(), deliveryFailed());
		EventEnvelope refused = EventEnvelope.of(new PaymentVoided(UUID.randomUUID(), BigDecimal.TEN),
				UUID.randomUUID());
		// No queue takes its routing key: the broker confirms it and returns it.
		EventEnvelope returned = EventEnvelope.of(new PaymentCaptured(UUID.randomUUID(), BigDecimal.ONE),
				UUID.randomUUID());
		outbox.write(others.get(0), refused, others.get(1), returned, others.get(2), others.get(3));
		outbox.unroutable(returned);

		int claimed = relay().publishBatch();

		assertThat(claimed).isEqualTo(6);
		for (EventEnvelope other : others) {
			assertThat(outbox.row(other)).as("confirmed and routed")
				.containsEntry("attempts", 0)
				.containsEntry("publications", 1);
			assertThat(outbox.row(other).get("sent_at")).isNotNull();
			assertThat(outbox.row(other).get("claim_id")).isNull();
			assertThat(delivery.count(other)).as("published once").isEqualTo(1);
		}
		for (EventEnvelope failed : List.of(refused, returned)) {
			assertThat(outbox.row(failed)).containsEntry("sent_at", null)
				.containsEntry("attempts", 1)
				.containsEntry("publications", 1)
				.containsEntry("claim_id", null);
			assertThat(outbox.row(failed).get("next_attempt_at")).as("waits before its next try").isNotNull();
		}
		assertThat(delivery.received()).hasSize(4);
	}

	@Test
	void holdsBackAnOrdersNextEventUntilItsRefusedOneIsSent() {
		Queue refusingQueue = refuseEverything(RoutingKeys.PAYMENT_VOIDED);
		UUID orderId = UUID.randomUUID();
		EventEnvelope refused = EventEnvelope.of(new PaymentVoided(UUID.randomUUID(), BigDecimal.TEN), orderId);
		EventEnvelope next = refused.caused(new DeliveryFailed("after the refused one", 1));
		EventEnvelope otherOrder = deliveryFailed();
		outbox.write(refused, next, otherOrder);
		OutboxRelay relay = relay();

		relay.publishBatch();

		assertThat(outbox.row(refused)).containsEntry("attempts", 1).containsEntry("sent_at", null);
		assertThat(outbox.row(next)).as("not even claimed")
			.containsEntry("publications", 0)
			.containsEntry("sent_at", null);
		assertThat(outbox.row(otherOrder).get("sent_at")).as("another order is not held back").isNotNull();

		// The queue is gone, and the delivery queue takes
		// payment.voided too: the refused event goes out at its next
		// try (a second later), and only then the event after it.
		new RabbitAdmin(rabbit.getConnectionFactory()).deleteQueue(refusingQueue.getName());
		delivery.bind(RoutingKeys.PAYMENT_VOIDED);
		await().atMost(PATIENCE).until(() -> {
			relay.publishBatch();
			return outbox.row(next).get("sent_at") != null;
		});
		assertThat(delivery.received()).containsSubsequence(refused.eventId().toString(), next.eventId().toString());
		assertThat(outbox.row(refused)).containsEntry("publications", 2);
		assertThat(meters.counter("food.outbox.republished").count()).isEqualTo(1);
	}

	@Test
	void publishesTheEventsOfARelayThatDiedOnceItsLeaseHasRunOut() {
		EventEnvelope event = deliveryFailed();
		outbox.write(event);
		// A relay claims the event with a one-second
		// lease, and dies before it publishes it.
		assertThat(outbox.claims(Duration.ofSeconds(1)).claim(100).events()).hasSize(1);
		OutboxRelay survivor = relay();

		assertThat(survivor.publishBatch()).as("the lease still holds").isZero();

		await().atMost(PATIENCE).until(() -> survivor.publishBatch() == 1);
		assertThat(outbox.row(event).get("sent_at")).isNotNull();
		// Handed over twice, as far as the table knows:
		// the dead relay might have sent it before dying.
		assertThat(outbox.row(event)).containsEntry("publications", 2).containsEntry("attempts", 0);
		assertThat(delivery.count(event)).isEqualTo(1);
	}

	@Test
	void publishesAnEventItsWriterHandedOverWithoutClaimingIt() {
		EventEnvelope event = deliveryFailed();
		OutboxRelay relay = relay();

		outbox.writeHandingOver(relay, event);

		assertThat(outbox.row(event)).as("claimed by the transaction that wrote it").containsEntry("publications", 1);
		assertThat(outbox.row(event).get("claim_id")).isNotNull();
		assertThat(outbox.claims(Duration.ofSeconds(60)).claim(100).events()).as("no other relay can claim it")
			.isEmpty();
		assertThat(relay.publishHandedOver()).isEqualTo(1);
		assertThat(outbox.row(event).get("sent_at")).isNotNull();
		assertThat(outbox.row(event)).containsEntry("claim_id", null).containsEntry("publications", 1);
		assertThat(delivery.count(event)).isEqualTo(1);
		assertThat(relay.publishHandedOver()).as("handed over once").isZero();
	}

	@Test
	void handsNothingOverWhenTheWriteRollsBack() {
		OutboxRelay relay = relay();

		outbox.writeAndRollBack(relay, deliveryFailed());

		assertThat(relay.publishHandedOver()).isZero();
	}

	@Test
	void leavesAnOrdersNextEventToAClaimWhileItsEarlierOneIsUnsent() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope first = EventEnvelope.of(new DeliveryFailed("first", 1), orderId);
		EventEnvelope second = first.caused(new DeliveryFailed("second", 2));
		OutboxRelay relay = relay();

		outbox.writeHandingOver(relay, first, second);

		assertThat(outbox.row(second)).as("not claimed: its order has an unsent event")
			.containsEntry("claim_id", null)
			.containsEntry("publications", 0);
		assertThat(relay.publishBatch()).as("the claim skips it while the first is unsent").isZero();
		assertThat(relay.publishHandedOver()).isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(delivery.received()).containsExactly(first.eventId().toString(), second.eventId().toString());
	}

	@Test
	void publishesAnEventHandedOverToARelayThatDiedOnceItsLeaseHasRunOut() {
		EventEnvelope event = deliveryFailed();
		// Its writer claims it for a relay with a one-second
		// lease, which dies before it publishes it.
		outbox.writeHandingOver(outbox.relay(applicationRelay.rabbit(),
				IsolatedOutbox.settings(Duration.ofMillis(500), Duration.ofSeconds(1)), meters), event);
		OutboxRelay survivor = relay();

		await().atMost(PATIENCE).until(() -> survivor.publishBatch() == 1);

		assertThat(outbox.row(event).get("sent_at")).isNotNull();
		assertThat(outbox.row(event)).containsEntry("publications", 2);
		assertThat(delivery.count(event)).isEqualTo(1);
	}

	private OutboxRelay relay() {
		return outbox.relay(applicationRelay.rabbit(),
				IsolatedOutbox.settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), meters);
	}

	/**
	 * A queue that takes the routing key and refuses every message: full at zero
	 * messages, and set to reject what comes in when full, so the broker nacks the
	 * publication (RabbitMQ 3.10 and 4).
	 */
	private Queue refuseEverything(String routingKey) {
		RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
		Queue queue = QueueBuilder.nonDurable("outbox-test-refusing-" + UUID.randomUUID())
			.exclusive()
			.autoDelete()
			.maxLength(0)
			.overflow(QueueBuilder.Overflow.rejectPublish)
			.build();
		admin.declareQueue(queue);
		admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Messaging.EXCHANGE)).with(routingKey));
		refusing.add(queue);
		return queue;
	}

	private static EventEnvelope deliveryFailed() {
		return EventEnvelope.of(new DeliveryFailed("no courier available", 1), UUID.randomUUID());
	}

}
