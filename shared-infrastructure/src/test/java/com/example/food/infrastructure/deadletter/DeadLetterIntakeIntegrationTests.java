package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.failure.OutagePause;
import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.TcpProxy;
import com.example.food.infrastructure.testsupport.ThroughDatabaseProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter queue is the end of the line: whatever keeps a dead letter from being
 * stored, the intake holds it and tries again, without dropping it and without handing it
 * back to the broker to be delivered again (which RabbitMQ 4 counts, and drops past 20).
 * How often the broker delivered a message before it was stored is in its
 * {@code x-delivery-count} header, which the stored row keeps: absent means once.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME,
				// Tries again after 10 ms, then every 20 ms:
				// 25 failed tries take a fraction of a second.
				"food.messaging.outage.first-wait=10ms", "food.messaging.outage.max-wait=20ms",
				"spring.datasource.hikari.connection-timeout=250" })
@ContextConfiguration(initializers = ThroughDatabaseProxy.class)
class DeadLetterIntakeIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String DEAD_LETTER_QUEUE = Messaging.deadLetterQueueFor("infrastructure");

	@Autowired
	TcpProxy databaseProxy;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	OutagePause pause;

	@Autowired
	@Qualifier("deadLetterIntakeContainer")
	SimpleMessageListenerContainer intake;

	/** The dead letters this test made. */
	private final List<String> messageIds = new ArrayList<>();

	/**
	 * Leaves nothing behind: no cut, no refusal, no dead letter in the queue nor in the
	 * table.
	 */
	@AfterEach
	void restore() {
		databaseProxy.restore();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(this::acceptDeadLetters);
		await().atMost(PATIENCE).until(() -> readyInDeadLetterQueue() == 0);
		messageIds.forEach(id -> jdbc.sql("delete from dead_letter where event_id = ?").param(id).update());
	}

	@Test
	void keepsTryingADeadLetterTheDatabaseRefusesWithoutTheBrokerDeliveringItAgain() {
		refuseDeadLetters();
		String messageId;
		try {
			messageId = deadLetter();

			await().atMost(PATIENCE).until(() -> refusals() >= 25);
			assertThat(stored(messageId)).isEmpty();
			// Held by the intake, unacknowledged: not back in the queue.
			assertThat(readyInDeadLetterQueue()).isZero();
		}
		finally {
			acceptDeadLetters();
		}

		await().atMost(PATIENCE).until(() -> stored(messageId).isPresent());
		assertThat(stored(messageId).orElseThrow().headers()).doesNotContainKey(DeadLetterRenewal.DELIVERY_COUNT);
	}

	@Test
	void holdsADeadLetterThroughADatabaseOutageAndStoresItOnceTheDatabaseIsBack() {
		databaseProxy.cut();
		String messageId = deadLetter();

		// Several tries later, still held by the intake: not back in the queue.
		await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> readyInDeadLetterQueue() == 0);

		databaseProxy.restore();
		// The test's own connections were cut too: the first tries may fail.
		await().atMost(PATIENCE).ignoreExceptions().until(() -> stored(messageId).isPresent());
		assertThat(stored(messageId).orElseThrow().headers()).doesNotContainKey(DeadLetterRenewal.DELIVERY_COUNT);
	}

	@Test
	void givesAHeldDeadLetterBackToItsQueueWhenTheServiceStops() throws InterruptedException {
		databaseProxy.cut();
		String messageId = deadLetter();
		await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> readyInDeadLetterQueue() == 0);

		// What a shutdown does: the container stops
		// taking messages, the pause stops waiting.
		CountDownLatch stopped = new CountDownLatch(1);
		intake.stop(stopped::countDown);
		pause.stop();
		try {
			assertThat(stopped.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
			// Back in the queue (a quorum queue takes
			// a rejected message back asynchronously).
			await().atMost(PATIENCE).until(() -> readyInDeadLetterQueue() == 1);
		}
		finally {
			pause.start();
			intake.start();
		}

		databaseProxy.restore();
		await().atMost(PATIENCE).ignoreExceptions().until(() -> stored(messageId).isPresent());
		// Given back once: one more delivery, counted by the broker.
		assertThat(stored(messageId).orElseThrow().headers()).containsEntry(DeadLetterRenewal.DELIVERY_COUNT, 1);
	}

	@Test
	void renewsADeadLetterThatCameBackToItsQueueOftenBeforeTheBrokerDropsIt() {
		String messageId;
		intake.stop();
		try {
			messageId = deadLetter();
			// A consumer that keeps dying on it (or a
			// service restarted again and again meanwhile).
			for (int i = 0; i < DeadLetterRenewal.RENEW_AFTER + 5; i++) {
				giveBackOnce();
			}
		}
		finally {
			intake.start();
		}

		await().atMost(PATIENCE).until(() -> stored(messageId).isPresent());
		// Stored from the fresh copy, delivered once; the old one is gone.
		assertThat(stored(messageId).orElseThrow().headers()).doesNotContainKey(DeadLetterRenewal.DELIVERY_COUNT);
		assertThat(deadLetters.all().stream().filter(letter -> messageId.equals(letter.eventId()))).hasSize(1);
		assertThat(readyInDeadLetterQueue()).isZero();
	}

	/** A message as the service's recoverer puts it into its dead-letter queue. */
	private String deadLetter() {
		String messageId = UUID.randomUUID().toString();
		messageIds.add(messageId);
		rabbit.send("", DEAD_LETTER_QUEUE,
				MessageBuilder.withBody("{\"kept\": true}".getBytes(StandardCharsets.UTF_8))
					.setContentType("application/json")
					.setMessageId(messageId)
					.setHeader(DeadLetterReason.HEADER, DeadLetterReason.RETRIES_EXHAUSTED.name())
					.build());
		return messageId;
	}

	private void giveBackOnce() {
		await().atMost(PATIENCE).until(() -> rabbit.execute(channel -> {
			GetResponse delivery = channel.basicGet(DEAD_LETTER_QUEUE, false);
			if (delivery != null) {
				channel.basicReject(delivery.getEnvelope().getDeliveryTag(), true);
			}
			return delivery != null;
		}));
	}

	/**
	 * A trigger refuses every dead letter, for real, and counts the refusals (a sequence
	 * ignores rollbacks).
	 */
	private void refuseDeadLetters() {
		List.of("create sequence if not exists dead_letter_refusals", """
				create or replace function refuse_dead_letter() returns trigger language plpgsql as $$
				begin
				    perform nextval('dead_letter_refusals');
				    raise exception 'dead letters refused by the test';
				end $$""",
				"create trigger refuse_dead_letter before insert on dead_letter for each row execute function refuse_dead_letter()")
			.forEach(statement -> jdbc.sql(statement).update());
	}

	private void acceptDeadLetters() {
		List.of("drop trigger if exists refuse_dead_letter on dead_letter",
				"drop function if exists refuse_dead_letter()", "drop sequence if exists dead_letter_refusals")
			.forEach(statement -> jdbc.sql(statement).update());
	}

	private long refusals() {
		return jdbc.sql("select case when is_called then last_value else 0 end from dead_letter_refusals")
			.query(Long.class)
			.single();
	}

	private Optional<DeadLetter> stored(String messageId) {
		return deadLetters.all().stream().filter(letter -> messageId.equals(letter.eventId())).findFirst();
	}

	/**
	 * The messages waiting in the dead-letter queue; one held by the intake is not among
	 * them.
	 */
	private int readyInDeadLetterQueue() {
		return rabbit.execute(channel -> channel.queueDeclarePassive(DEAD_LETTER_QUEUE).getMessageCount());
	}

}
