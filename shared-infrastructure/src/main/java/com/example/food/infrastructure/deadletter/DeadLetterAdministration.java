package com.example.food.infrastructure.deadletter;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.infrastructure.web.ProblemException;

/**
 * What an operator does with dead letters: replay one (back into the service's own queue,
 * once its cause is fixed) or all, or discard one. A replay is published with a confirm
 * before the dead letter is removed; if the removal then failed, the event would arrive
 * twice, which the idempotent consumer absorbs.
 */
public class DeadLetterAdministration {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterAdministration.class);

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
		// The default exchange routes by queue name: straight back into this
		// service's queue only, not to every subscriber of the routing key.
		ConfirmedPublish.into(rabbit, queue, message(letter), letter.id().toString());
		deadLetters.remove(id);
		log.info("Dead letter {} (event {}, {}) replayed into {}", id, letter.eventId(), letter.originalRoutingKey(),
				queue);
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

	/**
	 * The message as it was published: the same bytes, content type, message id and
	 * headers, less the headers it collected on its way to the dead letters (see
	 * {@link DeadLetterHeaders}; their values as stored: a date or a byte array comes
	 * back as text). A message that had no id gets one, so that its replay can be told
	 * apart in the logs.
	 */
	private static Message message(DeadLetter letter) {
		MessageBuilderSupport<Message> message = MessageBuilder.withBody(letter.body())
			.setContentType(letter.contentType())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setMessageId(letter.eventId() == null ? "replay-" + letter.id() : letter.eventId());
		DeadLetterHeaders.forReplay(letter.headers()).forEach(message::setHeader);
		return message.setHeader(REPLAYED_FROM_HEADER, letter.id().toString()).build();
	}

	static final class DeadLetterNotFound extends ProblemException {

		DeadLetterNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found",
					"There is no dead letter " + id + ".");
		}

	}

}
