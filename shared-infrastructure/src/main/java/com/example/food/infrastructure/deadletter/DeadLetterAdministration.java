package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.CorrelationData.Confirm;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.infrastructure.web.ProblemException;

/**
 * What an operator does with dead letters: replay one (back into the service's own queue, once its
 * cause is fixed) or all, or discard one. A replay is published with a confirm before the dead
 * letter is removed; if the removal then failed, the event would arrive twice, which the
 * idempotent consumer absorbs.
 */
public class DeadLetterAdministration {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterAdministration.class);

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	public static final String REPLAYED_FROM_HEADER = "x-food-replayed-from";

	private final DeadLetters deadLetters;

	private final RabbitTemplate rabbit;

	private final String queue;

	public DeadLetterAdministration(DeadLetters deadLetters, RabbitTemplate rabbit, String queue) {
		this.deadLetters = deadLetters;
		this.rabbit = rabbit;
		this.queue = queue;
	}

	public List<DeadLetter> all() {
		return deadLetters.all();
	}

	public DeadLetter find(UUID id) {
		return deadLetters.find(id).orElseThrow(() -> new DeadLetterNotFound(id));
	}

	@Transactional
	public DeadLetter replay(UUID id) {
		DeadLetter letter = find(id);
		// The default exchange routes by queue name: straight back into this service's queue only,
		// not to every subscriber of the routing key.
		CorrelationData correlation = new CorrelationData(letter.id().toString());
		rabbit.send("", queue, message(letter), correlation);
		awaitConfirm(correlation);
		deadLetters.remove(id);
		log.info("Dead letter {} (event {}, {}) replayed into {}", id, letter.eventId(), letter.originalRoutingKey(), queue);
		return letter;
	}

	public int replayAll() {
		List<DeadLetter> letters = deadLetters.all();
		letters.forEach(letter -> replay(letter.id()));
		return letters.size();
	}

	@Transactional
	public void discard(UUID id) {
		if (!deadLetters.remove(id)) {
			throw new DeadLetterNotFound(id);
		}
		log.info("Dead letter {} discarded", id);
	}

	/** Only a confirmed replay may remove the dead letter: otherwise it could be lost. */
	private static void awaitConfirm(CorrelationData correlation) {
		try {
			Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (!confirm.ack() || correlation.getReturned() != null) {
				throw new AmqpException("the broker did not take the replay: " + confirm.reason());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpException("interrupted while waiting for the broker's confirm", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AmqpException("no confirm from the broker for the replay", ex);
		}
	}

	private static Message message(DeadLetter letter) {
		return MessageBuilder.withBody(letter.body().getBytes(StandardCharsets.UTF_8))
			.setContentType(letter.contentType() == null ? "application/json" : letter.contentType())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setMessageId(letter.eventId() == null ? "replay-" + letter.id() : letter.eventId())
			.setHeader(REPLAYED_FROM_HEADER, letter.id().toString())
			.build();
	}

	static final class DeadLetterNotFound extends ProblemException {

		DeadLetterNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found",
					"There is no dead letter " + id + ".");
		}
	}
}
