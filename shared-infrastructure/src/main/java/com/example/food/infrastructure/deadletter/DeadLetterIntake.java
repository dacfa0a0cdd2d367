package com.example.food.infrastructure.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

import com.example.food.infrastructure.failure.OutagePause;

/**
 * Moves each message of the dead-letter queue into the {@code dead_letter} table, where
 * an operator can see it. Two kinds arrive: those this service gave up on (with its
 * reason headers, see {@link DeadLetterRecoverer}) and those the broker dead-lettered
 * itself because they went over the queue's delivery limit (with the broker's
 * {@code x-death} header).
 *
 * <p>
 * The dead-letter queue is the end of the line, so the intake never drops a message and
 * never gives one back to go round again:
 * <ul>
 * <li>any message can be stored: its body as bytes, its text as long as it is, NUL
 * characters (which PostgreSQL text cannot hold) replaced by U+FFFD, a reason this
 * version does not know as it is;</li>
 * <li>while the database is unreachable, it holds the message (unacknowledged: the broker
 * counts no new delivery) and tries again with {@link OutagePause}'s backoff;</li>
 * <li>if the database refuses the row for another reason (a full disk, a missing grant),
 * it holds it too, tries again with the same backoff, and logs why at the 1st, 2nd, 4th,
 * 8th... try;</li>
 * <li>only when the service stops does a held message go back to its queue, for the next
 * start;</li>
 * <li>one that has come back to the queue often is renewed first
 * ({@link DeadLetterRenewal}).</li>
 * </ul>
 */
public class DeadLetterIntake implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterIntake.class);

	private static final int EXCEPTION_LENGTH = 2000;

	private final DeadLetters deadLetters;

	private final OutagePause pause;

	private final DeadLetterRenewal renewal;

	DeadLetterIntake(DeadLetters deadLetters, OutagePause pause, DeadLetterRenewal renewal) {
		this.deadLetters = deadLetters;
		this.pause = pause;
		this.renewal = renewal;
	}

	@Override
	public void onMessage(Message message) {
		if (renewal.renewedIfReturnedOften(message)) {
			return;
		}
		DeadLetter letter = letterOf(message);
		store(letter);
		log.warn("Dead letter {} stored: event {} ({}), {}: {}", letter.id(), letter.eventId(),
				letter.originalRoutingKey(), letter.reason(), letter.exception());
	}

	/** Returns once the row is written; throws only when the service stops meanwhile. */
	private void store(DeadLetter letter) {
		for (int failures = 0;; failures++) {
			try {
				pause.run(() -> deadLetters.add(letter));
				return;
			}
			catch (ImmediateRequeueAmqpException stopping) {
				throw stopping;
			}
			catch (RuntimeException refused) {
				if (Integer.bitCount(failures + 1) == 1) {
					log.error(
							"Dead letter {} (event {}) could not be stored, try {}; it stays in the dead-letter queue, "
									+ "held, and is tried again: {}",
							letter.id(), letter.eventId(), failures + 1, DeadLetterRecoverer.rootMessage(refused));
				}
				pause.waitBeforeRetry(failures);
			}
		}
	}

	/** Never fails: whatever the message holds becomes a row that can be written. */
	static DeadLetter letterOf(Message message) {
		MessageProperties properties = message.getMessageProperties();
		Map<String, @Nullable Object> headers = properties.getHeaders();
		Map<String, ?> death = firstDeath(properties);
		@Nullable Object reason = headers.get(DeadLetterReason.HEADER);
		@Nullable Object routingKey = headers.get(RepublishMessageRecoverer.X_ORIGINAL_ROUTING_KEY);
		if (routingKey == null && death != null && death.get("routing-keys") instanceof List<?> keys
				&& !keys.isEmpty()) {
			routingKey = keys.getFirst();
		}
		@Nullable Object exception = headers.get(RepublishMessageRecoverer.X_EXCEPTION_MESSAGE);
		if (exception == null && death != null) {
			exception = "dead-lettered by the broker: " + death.get("reason");
		}
		int attempts = headers.get(DeadLetterReason.ATTEMPTS_HEADER) instanceof Number number ? number.intValue()
				: death != null && death.get("count") instanceof Number count ? count.intValue() : 1;
		return new DeadLetter(UUID.randomUUID(), text(properties.getMessageId()), text(routingKey),
				reason == null ? DeadLetterReason.DELIVERY_LIMIT.name() : clean(reason.toString()),
				exception == null ? null : truncate(clean(exception.toString())), attempts, message.getBody(),
				text(properties.getContentType()), DeadLetterHeaders.plain(headers), Instant.now());
	}

	private static @Nullable Map<String, ?> firstDeath(MessageProperties properties) {
		List<Map<String, ?>> deaths = properties.getXDeathHeader();
		return deaths == null || deaths.isEmpty() ? null : deaths.getFirst();
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : clean(value.toString());
	}

	/**
	 * As text PostgreSQL can hold: a NUL character becomes U+FFFD (the replacement
	 * character).
	 */
	private static String clean(String text) {
		return text.replace('\0', '\uFFFD');
	}

	private static String truncate(String text) {
		return text.length() <= EXCEPTION_LENGTH ? text : text.substring(0, EXCEPTION_LENGTH - 3) + "...";
	}

}
