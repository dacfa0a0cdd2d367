package com.example.food.infrastructure.messaging;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.Messaging;
import com.example.food.events.PaymentFailed;
import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.TcpProxy;
import com.example.food.infrastructure.testsupport.ThroughDatabaseProxy;

import static com.example.food.infrastructure.testapp.InfrastructureTestApplication.HANDLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database outage is the infrastructure's failure, not the message's: the consumer
 * holds the message and waits, reports itself not ready, and handles it once the database
 * is back. Nothing goes to the dead-letter queue, however long the outage outlasts the
 * retries.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME,
				// The retries would be over in 0.35 s; the outage lasts many times that.
				"food.messaging.retry.initial-interval=50ms", "food.messaging.outage.first-wait=100ms",
				"food.messaging.outage.max-wait=500ms", "spring.datasource.hikari.connection-timeout=500" })
@ContextConfiguration(initializers = ThroughDatabaseProxy.class)
class OutagePauseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TcpProxy databaseProxy;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void restore() {
		databaseProxy.restore();
	}

	@Test
	void holdsAMessageThroughADatabaseOutageAndHandlesItOnceTheDatabaseIsBack() {
		EventEnvelope event = EventEnvelope.of(new PaymentFailed("arrives during an outage"), UUID.randomUUID());
		databaseProxy.cut();

		rabbit.send(Messaging.EXCHANGE, event.type(),
				MessageBuilder.withBody(EventJson.writeBytes(event))
					.setContentType("application/json")
					.setMessageId(event.eventId().toString())
					.build());

		// Not ready while it waits, and readiness says why.
		await().atMost(Duration.ofSeconds(20)).until(() -> readiness().status() == 503);
		assertThat(readiness().body()).contains("\"eventConsumption\":{\"status\":\"DOWN\"");
		// Several times longer than the retries: a message
		// failing for its own sake would be a dead letter by now.
		await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
		assertThat(handled(event)).isZero();
		// Not back in the queue either (which would count a
		// delivery against the limit): held by the consumer.
		assertThat(readyInQueue()).isZero();

		databaseProxy.restore();

		await().atMost(Duration.ofSeconds(20)).until(() -> handled(event) == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> readiness().status() == 200);
		assertThat(jdbc.sql("select count(*) from dead_letter where event_id = ?")
			.param(event.eventId().toString())
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?")
			.param(event.eventId())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private HttpTestClient.Response readiness() {
		return HttpTestClient.on(port).get("/actuator/health/readiness");
	}

	/**
	 * The messages waiting in the service's queue; one delivered and not yet acknowledged
	 * is not among them.
	 */
	private int readyInQueue() {
		return rabbit
			.execute(channel -> channel.queueDeclarePassive(Messaging.queueFor("infrastructure")).getMessageCount());
	}

	private static long handled(EventEnvelope event) {
		return HANDLED.stream().filter(e -> e.eventId().equals(event.eventId())).count();
	}

}
