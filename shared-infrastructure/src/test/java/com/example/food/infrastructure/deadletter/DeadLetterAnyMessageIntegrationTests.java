package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever a dead letter holds, it is stored, shown by the admin API and replayed as it
 * was: bytes that are not text, the longest message id AMQP carries, a reason this
 * version does not know.
 */
@SpringBootTest(classes = InfrastructureTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME })
@WithRealInfrastructure
class DeadLetterAnyMessageIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String QUEUE = Messaging.queueFor("infrastructure");

	private static final String DEAD_LETTER_QUEUE = Messaging.deadLetterQueueFor("infrastructure");

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("eventListenerContainer")
	SimpleMessageListenerContainer listener;

	@Test
	void keepsShowsAndReplaysABodyThatIsNotText() {
		byte[] body = { '{', 'n', 'u', 'l', 0, '}', (byte) 0xC3, (byte) 0x28, (byte) 0xFF };
		String messageId = UUID.randomUUID().toString();
		// Not JSON: poison, dead-lettered by the service itself.
		rabbit.send(Messaging.EXCHANGE, "payment.failed",
				MessageBuilder.withBody(body)
					.setContentType("application/octet-stream")
					.setMessageId(messageId)
					.setHeader("x-order-id", "order-7")
					.build());

		JsonNode letter = awaitDeadLetter(messageId);
		assertThat(letter.get("reason").asString()).isEqualTo("POISON");
		assertThat(letter.get("bodyEncoding").asString()).isEqualTo("base64");
		assertThat(Base64.getDecoder().decode(letter.get("body").asString())).isEqualTo(body);
		assertThat(letter.get("headers").get("x-order-id").asString()).isEqualTo("order-7");
		assertThat(letter.get("headers").get(DeadLetterReason.HEADER).asString()).isEqualTo("POISON");

		Message replayed = replay(letter, messageId);
		assertThat(replayed.getBody()).isEqualTo(body);
		assertThat(replayed.getMessageProperties().getContentType()).isEqualTo("application/octet-stream");
		assertThat(replayed.getMessageProperties().getHeaders()).containsEntry("x-order-id", "order-7")
			.containsEntry(DeadLetterAdministration.REPLAYED_FROM_HEADER, letter.get("id").asString())
			.doesNotContainKeys(DeadLetterReason.HEADER, "x-exception-stacktrace", "x-original-routingKey");
	}

	@Test
	void keepsShowsAndReplaysTheLongestMessageIdAndContentTypeAmqpCarries() {
		// AMQP 0-9-1 carries at most 255 bytes in these;
		// the columns used to refuse more than 100.
		String messageId = "m".repeat(255);
		String contentType = "text/plain; note=" + "c".repeat(238);
		rabbit.send(Messaging.EXCHANGE, "payment.failed",
				MessageBuilder.withBody("{not json".getBytes(StandardCharsets.UTF_8))
					.setContentType(contentType)
					.setMessageId(messageId)
					.build());

		JsonNode letter = awaitDeadLetter(messageId);
		assertThat(letter.get("eventId").asString()).isEqualTo(messageId);
		assertThat(letter.get("contentType").asString()).isEqualTo(contentType);
		assertThat(letter.get("bodyEncoding").asString()).isEqualTo("utf-8");
		assertThat(letter.get("body").asString()).isEqualTo("{not json");

		Message replayed = replay(letter, messageId);
		assertThat(replayed.getBody()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
		assertThat(replayed.getMessageProperties().getContentType()).isEqualTo(contentType);
	}

	@Test
	void keepsShowsAndReplaysADeadLetterWithAReasonThisVersionDoesNotKnow() {
		String messageId = UUID.randomUUID().toString();
		byte[] body = "{\"from\": \"a newer service\"}".getBytes(StandardCharsets.UTF_8);
		rabbit.send(Messaging.DEAD_LETTER_EXCHANGE, DEAD_LETTER_QUEUE,
				MessageBuilder.withBody(body)
					.setContentType("application/json")
					.setMessageId(messageId)
					.setHeader(DeadLetterReason.HEADER, "QUARANTINED")
					.build());

		JsonNode letter = awaitDeadLetter(messageId);
		assertThat(letter.get("reason").asString()).isEqualTo("QUARANTINED");
		Response list = admin().get("/admin/dead-letters");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.body()).contains("\"reason\":\"QUARANTINED\"");

		Message replayed = replay(letter, messageId);
		assertThat(replayed.getBody()).isEqualTo(body);
		assertThat(replayed.getMessageProperties().getMessageId()).isEqualTo(messageId);
	}

	private HttpTestClient admin() {
		return HttpTestClient.on(port).asAdmin();
	}

	private JsonNode awaitDeadLetter(String messageId) {
		await().atMost(PATIENCE).until(() -> deadLetterId(messageId) != null);
		Response letter = admin().get("/admin/dead-letters/" + deadLetterId(messageId));
		assertThat(letter.status()).as(letter.body()).isEqualTo(200);
		return letter.json();
	}

	private String deadLetterId(String messageId) {
		return jdbc.sql("select id::text from dead_letter where event_id = ?")
			.param(messageId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Replays the dead letter and takes the replay from the service's queue before the
	 * service handles it (its listener is stopped meanwhile), to compare it with what was
	 * published.
	 */
	private Message replay(JsonNode letter, String messageId) {
		listener.stop();
		try {
			Response replayed = admin().post("/admin/dead-letters/" + letter.get("id").asString() + "/replay",
					"application/json", "", Map.of());
			assertThat(replayed.status()).as(replayed.body()).isEqualTo(202);
			return await().atMost(PATIENCE)
				.until(() -> rabbit.receive(QUEUE, 100),
						message -> message != null && messageId.equals(message.getMessageProperties().getMessageId()));
		}
		finally {
			listener.start();
		}
	}

}
