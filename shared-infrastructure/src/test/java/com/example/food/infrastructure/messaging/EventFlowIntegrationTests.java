package com.example.food.infrastructure.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.MealPrepared;
import com.example.food.events.Messaging;
import com.example.food.events.OrderLine;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static com.example.food.infrastructure.testapp.InfrastructureTestApplication.HANDLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way of an event through the shared mechanism, on the real broker: outbox,
 * relay with confirms, queue, idempotent consumer, retries, dead-letter queue, replay.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME,
				"food.messaging.retry.initial-interval=50ms", "food.messaging.relay.interval=50ms" })
@WithRealInfrastructure
class EventFlowIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	/** The test service's queue: the application is called "infrastructure". */
	private static final String QUEUE = "infrastructure.events";

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	@Qualifier("eventListenerContainer")
	SimpleMessageListenerContainer listener;

	HttpTestClient admin() {
		return HttpTestClient.on(port).asAdmin();
	}

	@AfterEach
	void switchFailuresOff() {
		admin().delete("/admin/handler-failures");
	}

	@Test
	void publishesAnEventFromTheOutboxAndMarksItSentOnlyAfterTheConfirm() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("card declined"), UUID.randomUUID());

		transaction.executeWithoutResult(status -> outbox.add(event));

		await().atMost(PATIENCE).until(() -> handled(event.eventId()) == 1);
		assertThat(jdbc.sql("select sent_at is not null from outbox_message where event_id = ?")
			.param(event.eventId())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(HANDLED.stream().filter(e -> e.eventId().equals(event.eventId())).findFirst()).contains(event);
	}

	@Test
	void publishesTheEventsOfOneOrderInTheOrderTheyWereWritten() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope first = EventEnvelope.of(new PaymentFailed("first"), orderId);
		EventEnvelope second = first.caused(new PaymentRefunded(UUID.randomUUID(), new BigDecimal("1.00")));
		EventEnvelope third = second.caused(new PaymentFailed("third"));

		transaction.executeWithoutResult(status -> List.of(first, second, third).forEach(outbox::add));

		await().atMost(PATIENCE).until(() -> handledFor(orderId).size() == 3);
		assertThat(handledFor(orderId)).containsExactly(first.eventId(), second.eventId(), third.eventId());
	}

	@Test
	void keepsAnEventNoQueueTakesAndPublishesItOnceAConsumerAppears() {
		// Every event of the contract has a queue from the start (see the next
		// test): this one is written with a routing key that no service takes.
		EventEnvelope event = EventEnvelope.of(new DeliveryFailed("no courier available", 3), UUID.randomUUID());
		String routingKey = "test.nobody-listens-" + event.eventId();
		jdbc.sql("""
				insert into outbox_message (event_id, order_id, routing_key, payload, created_at)
				values (?, ?, ?, ?, now())""")
			.params(event.eventId(), event.orderId(), routingKey, EventJson.write(event))
			.update();

		await().atMost(PATIENCE).until(() -> outboxRow(event).get("attempts") instanceof Integer n && n >= 1);
		assertThat(outboxRow(event).get("sent_at")).isNull();

		RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
		Queue consumer = new AnonymousQueue();
		admin.declareQueue(consumer);
		admin.declareBinding(BindingBuilder.bind(consumer).to(new TopicExchange(Messaging.EXCHANGE)).with(routingKey));
		try {
			await().atMost(PATIENCE).until(() -> outboxRow(event).get("sent_at") != null);
			Message published = rabbit.receive(consumer.getName(), 5_000);
			assertThat(published).isNotNull();
			assertThat(published.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
		}
		finally {
			admin.deleteQueue(consumer.getName());
		}
	}

	@Test
	void anEventReachesAConsumerThatHasNeverStarted() {
		// Only this test service has ever run in this virtual host; the
		// delivery service never has. Its queue exists all the same,
		// declared from the contract, and keeps the event for it.
		EventEnvelope event = EventEnvelope
			.of(new MealPrepared(UUID.randomUUID(), "c-1", List.of(new OrderLine("PIZZA", "Pizza", 1, BigDecimal.TEN)),
					new DeliveryAddress("1 Main St", "Springfield", "12345")), UUID.randomUUID());

		transaction.executeWithoutResult(status -> outbox.add(event));

		await().atMost(PATIENCE).until(() -> outboxRow(event).get("sent_at") != null);
		Message waiting = rabbit.receive(Messaging.queueFor("delivery"), 5_000);
		assertThat(waiting).isNotNull();
		assertThat(waiting.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
		assertThat(outboxRow(event).get("attempts")).isEqualTo(0);
	}

	@Test
	void handlesAnEventDeliveredTwiceOnlyOnce() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("declined"), UUID.randomUUID());

		publish(event);
		publish(event);

		await().atMost(PATIENCE).until(() -> processed(event.eventId()) == 1);
		await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> handled(event.eventId()) == 1);
	}

	@Test
	void deadLettersAPoisonMessageAtOnceWithoutRetries() {
		String messageId = UUID.randomUUID().toString();
		Message garbage = MessageBuilder.withBody("{not json".getBytes(StandardCharsets.UTF_8))
			.setContentType("application/json")
			.setMessageId(messageId)
			.build();

		rabbit.send(Messaging.EXCHANGE, "payment.failed", garbage);

		Response letter = awaitDeadLetter(messageId);
		assertThat(letter.json().get("reason").asString()).isEqualTo("POISON");
		assertThat(letter.json().get("attempts").asInt()).isEqualTo(1);
		assertThat(letter.json().get("originalRoutingKey").asString()).isEqualTo("payment.failed");
		assertThat(letter.json().get("exception").asString()).contains("not valid JSON");
	}

	@Test
	void retriesATransientFailureUntilItSucceeds() {
		switchHandlerFailures("""
				{"routingKey": "payment.refunded", "transientFailures": 2}""");
		EventEnvelope event = EventEnvelope.of(new PaymentRefunded(UUID.randomUUID(), BigDecimal.TEN),
				UUID.randomUUID());

		publish(event);

		await().atMost(PATIENCE).until(() -> handled(event.eventId()) == 1);
		assertThat(deadLetterOf(event.eventId().toString())).isNull();
		assertThat(admin().get("/admin/handler-failures").json().get("transientFailures").asInt()).isZero();
	}

	@Test
	void deadLettersAfterTheRetriesAndReplaysOnceTheCauseIsFixed() {
		switchHandlerFailures("""
				{"routingKey": "payment.refunded", "transientFailures": 100}""");
		EventEnvelope event = EventEnvelope.of(new PaymentRefunded(UUID.randomUUID(), BigDecimal.ONE),
				UUID.randomUUID());
		publish(event);
		Response letter = awaitDeadLetter(event.eventId().toString());
		assertThat(letter.json().get("reason").asString()).isEqualTo("RETRIES_EXHAUSTED");
		assertThat(letter.json().get("attempts").asInt()).isEqualTo(4);
		assertThat(handled(event.eventId())).isZero();

		admin().delete("/admin/handler-failures");
		Response replayed = admin().post("/admin/dead-letters/" + letter.json().get("id").asString() + "/replay",
				"application/json", "", Map.of());

		assertThat(replayed.status()).isEqualTo(202);
		await().atMost(PATIENCE).until(() -> handled(event.eventId()) == 1);
		assertThat(deadLetterOf(event.eventId().toString())).isNull();
	}

	@Test
	void treatsTheNextEventAsPoisonWhenTheSwitchSaysSo() {
		switchHandlerFailures("""
				{"routingKey": "payment.failed", "poison": true}""");
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("switched to poison"), UUID.randomUUID());

		publish(event);

		Response letter = awaitDeadLetter(event.eventId().toString());
		assertThat(letter.json().get("reason").asString()).isEqualTo("POISON");
		assertThat(letter.json().get("attempts").asInt()).isEqualTo(1);
		assertThat(handled(event.eventId())).isZero();
		assertThat(admin().get("/admin/handler-failures").json().get("poison").asBoolean()).isFalse();
	}

	@Test
	void deadLettersAMessageThatKeepsCrashingItsConsumerOnceItPassesTheDeliveryLimit() {
		listener.stop();
		try {
			EventEnvelope event = EventEnvelope.of(new PaymentFailed("crashes its consumer"), UUID.randomUUID());
			publish(event);

			// A consumer that dies on the message never acknowledges it:
			// the broker takes it back and delivers it again, and counts.
			// Rejecting with requeue is the same thing, minus the crash.
			await().atMost(PATIENCE).until(() -> {
				rabbit.execute(channel -> {
					GetResponse delivery = channel.basicGet(QUEUE, false);
					if (delivery != null) {
						channel.basicReject(delivery.getEnvelope().getDeliveryTag(), true);
					}
					return null;
				});
				return deadLetterOf(event.eventId().toString()) != null;
			});

			Response letter = admin().get("/admin/dead-letters/" + deadLetterOf(event.eventId().toString()));
			assertThat(letter.json().get("reason").asString()).isEqualTo("DELIVERY_LIMIT");
			assertThat(letter.json().get("originalRoutingKey").asString()).isEqualTo("payment.failed");
			assertThat(handled(event.eventId())).isZero();
		}
		finally {
			listener.start();
		}
	}

	@Test
	void letsAnOperatorInspectAndDiscardADeadLetterButNobodyElse() {
		String messageId = UUID.randomUUID().toString();
		rabbit.send(Messaging.EXCHANGE, "payment.failed",
				MessageBuilder.withBody("[]".getBytes(StandardCharsets.UTF_8)).setMessageId(messageId).build());
		String id = awaitDeadLetter(messageId).json().get("id").asString();

		assertThat(HttpTestClient.on(port).get("/admin/dead-letters").status()).isEqualTo(401);
		Response inspected = admin().get("/admin/dead-letters/" + id);
		assertThat(inspected.json().get("body").asString()).isEqualTo("[]");

		assertThat(admin().delete("/admin/dead-letters/" + id).status()).isEqualTo(204);
		assertThat(admin().get("/admin/dead-letters/" + id).status()).isEqualTo(404);
		assertThat(admin().delete("/admin/dead-letters/" + id).status()).isEqualTo(404);
	}

	private void switchHandlerFailures(String settings) {
		Response response = admin().putJson("/admin/handler-failures", settings);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private void publish(EventEnvelope event) {
		rabbit.send(Messaging.EXCHANGE, event.type(),
				MessageBuilder.withBody(EventJson.writeBytes(event))
					.setContentType("application/json")
					.setMessageId(event.eventId().toString())
					.build());
	}

	private static long handled(UUID eventId) {
		return HANDLED.stream().filter(event -> event.eventId().equals(eventId)).count();
	}

	private static List<UUID> handledFor(UUID orderId) {
		return HANDLED.stream().filter(event -> event.orderId().equals(orderId)).map(EventEnvelope::eventId).toList();
	}

	private Map<String, Object> outboxRow(EventEnvelope event) {
		return jdbc.sql("select attempts, sent_at from outbox_message where event_id = ?")
			.param(event.eventId())
			.query()
			.singleRow();
	}

	private int processed(UUID eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
	}

	private Response awaitDeadLetter(String messageId) {
		await().atMost(PATIENCE).until(() -> deadLetterOf(messageId) != null);
		return admin().get("/admin/dead-letters/" + deadLetterOf(messageId));
	}

	private String deadLetterOf(String messageId) {
		return jdbc.sql("select id::text from dead_letter where event_id = ?")
			.param(messageId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
