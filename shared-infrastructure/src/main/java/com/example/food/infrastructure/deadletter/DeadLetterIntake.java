package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * Moves each message of the dead-letter queue into the {@code dead_letter} table, where an
 * operator can see it. Two kinds arrive: those this service gave up on (with its reason headers,
 * see {@link DeadLetterRecoverer}) and those the broker dead-lettered itself because they went
 * over the queue's delivery limit (with the broker's {@code x-death} header).
 */
public class DeadLetterIntake implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterIntake.class);

	private final DeadLetters deadLetters;

	public DeadLetterIntake(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Override
	public void onMessage(Message message) {
		MessageProperties properties = message.getMessageProperties();
		Map<String, @Nullable Object> headers = properties.getHeaders();
		Map<String, ?> death = firstDeath(properties);
		DeadLetterReason reason = headers.get(DeadLetterReason.HEADER) instanceof String name ? DeadLetterReason.valueOf(name)
				: DeadLetterReason.DELIVERY_LIMIT;
		String routingKey = headers.get(RepublishMessageRecoverer.X_ORIGINAL_ROUTING_KEY) instanceof String key ? key
				: death != null && death.get("routing-keys") instanceof List<?> keys && !keys.isEmpty() ? keys.getFirst().toString()
						: null;
		String exception = headers.get(RepublishMessageRecoverer.X_EXCEPTION_MESSAGE) instanceof String text ? text
				: death != null ? "dead-lettered by the broker: " + death.get("reason") : null;
		int attempts = headers.get(DeadLetterReason.ATTEMPTS_HEADER) instanceof Number number ? number.intValue()
				: death != null && death.get("count") instanceof Number count ? count.intValue() : 1;
		var letter = new DeadLetter(UUID.randomUUID(), properties.getMessageId(), routingKey, reason,
				exception == null ? null : truncate(exception), attempts, new String(message.getBody(), StandardCharsets.UTF_8),
				properties.getContentType(), Instant.now());
		deadLetters.add(letter);
		log.warn("Dead letter {} stored: event {} ({}), {}: {}", letter.id(), letter.eventId(), routingKey, reason, exception);
	}

	private static @Nullable Map<String, ?> firstDeath(MessageProperties properties) {
		List<Map<String, ?>> deaths = properties.getXDeathHeader();
		return deaths == null || deaths.isEmpty() ? null : deaths.getFirst();
	}

	private static String truncate(String text) {
		return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
	}
}
