package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.impl.LongStringHelper;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a dead letter never fails, whatever the message holds. */
class DeadLetterIntakeTests {

	@Test
	void keepsAReasonThisVersionDoesNotKnowAsItIs() {
		DeadLetter letter = DeadLetterIntake
			.letterOf(message().setHeader(DeadLetterReason.HEADER, "QUARANTINED").build());

		assertThat(letter.reason()).isEqualTo("QUARANTINED");
	}

	@Test
	void replacesTheNulCharactersTextColumnsCannotHoldButKeepsTheBodyAsItIs() {
		byte[] body = { 'a', 0, 'b' };
		DeadLetter letter = DeadLetterIntake.letterOf(MessageBuilder.withBody(body)
			.setMessageId("id\0with a NUL")
			.setHeader("x-exception-message", "failed on \0")
			.build());

		assertThat(letter.eventId()).isEqualTo("id\uFFFDwith a NUL");
		assertThat(letter.exception()).isEqualTo("failed on \uFFFD");
		assertThat(letter.body()).isEqualTo(body);
	}

	@Test
	void readsWhatTheBrokerSaysOfAMessageItDeadLetteredItself() {
		Map<String, Object> death = Map.of("reason", "delivery_limit", "count", 1L, "queue", "payment.events",
				"routing-keys", List.of("order.placed"), "time", new Date(0));
		DeadLetter letter = DeadLetterIntake.letterOf(message().setHeader("x-death", List.of(death)).build());

		assertThat(letter.reason()).isEqualTo(DeadLetterReason.DELIVERY_LIMIT.name());
		assertThat(letter.originalRoutingKey()).isEqualTo("order.placed");
		assertThat(letter.exception()).isEqualTo("dead-lettered by the broker: delivery_limit");
		assertThat(letter.attempts()).isEqualTo(1);
	}

	@Test
	void keepsEveryHeaderAsAPlainJsonValue() {
		DeadLetter letter = DeadLetterIntake.letterOf(message().setHeader("time", new Date(0))
			.setHeader("bytes", new byte[] { 1, 2 })
			.setHeader("long", LongStringHelper.asLongString("x".repeat(2000)))
			.setHeader("x-death", List.of(Map.of("time", new Date(0))))
			.build());

		assertThat(letter.headers()).containsEntry("time", "1970-01-01T00:00:00Z")
			.containsEntry("bytes", "AQI=")
			.containsEntry("long", "x".repeat(2000))
			.containsEntry("x-death", List.of(Map.of("time", "1970-01-01T00:00:00Z")));
		assertThat(DeadLetterHeaders.fromJson(DeadLetterHeaders.toJson(letter.headers()))).isEqualTo(letter.headers());
	}

	@Test
	void replaysOnlyTheHeadersTheMessageWasPublishedWith() {
		Map<String, Object> headers = Map.of("x-order-id", "o-1", "traceparent", "00-abc-def-01", "x-death", List.of(),
				"x-first-death-queue", "payment.events", "x-delivery-count", 3, DeadLetterReason.HEADER, "POISON",
				"x-exception-stacktrace", "...", DeadLetterAdministration.REPLAYED_FROM_HEADER, "an earlier replay");

		assertThat(DeadLetterHeaders.forReplay(headers)).containsOnlyKeys("x-order-id", "traceparent");
	}

	private static MessageBuilder message() {
		return MessageBuilder.withBody("{}".getBytes(StandardCharsets.UTF_8));
	}

}
