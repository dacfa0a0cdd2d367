package com.example.food.infrastructure.deadletter;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Keeps the broker from dropping a dead letter that keeps coming back to its queue.
 *
 * <p>
 * The dead-letter queue is a quorum queue without a delivery limit of its own and without
 * a dead-letter exchange (there is nowhere further to go). RabbitMQ 3.x puts no limit on
 * such a queue; RabbitMQ 4 gives every quorum queue a default limit of 20 and
 * <em>drops</em> a message returned more often than that. On 4.0 every way back to the
 * queue counts: a {@code basic.reject} or {@code basic.nack} with requeue (what the
 * container sends for an {@code ImmediateRequeueAmqpException}, e.g. when the service
 * stops while the intake holds a message) and a channel or connection that closes while
 * it holds one (a crash, a broker restart, the broker's consumer timeout). The queue's
 * arguments are not changed to lift the limit: a queue that exists already with other
 * arguments refuses the declaration.
 *
 * <p>
 * Instead the broker's own count, the {@code x-delivery-count} header it puts on every
 * redelivery (3.x and 4.x alike), is read: from {@value #RENEW_AFTER} returns on, the
 * intake publishes a fresh copy of the message (same body, properties and headers, a
 * count of zero) into the same queue, waits for the broker's confirm, and only then lets
 * go of the old one. Should the old one then not be acknowledged (the connection drops
 * just then), both come back and the dead letter is stored twice: a duplicate row, never
 * a lost one.
 */
final class DeadLetterRenewal {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRenewal.class);

	/**
	 * Half of RabbitMQ 4's default delivery limit (20): far from it, rare enough to cost
	 * nothing.
	 */
	static final int RENEW_AFTER = 10;

	static final String DELIVERY_COUNT = "x-delivery-count";

	private final RabbitTemplate rabbit;

	private final String queue;

	DeadLetterRenewal(RabbitTemplate rabbit, String queue) {
		this.rabbit = rabbit;
		this.queue = queue;
	}

	/**
	 * Renews the message if it has come back often: true if a fresh copy is in the queue
	 * and this one can be let go. False otherwise, also when the broker would not take
	 * the copy (it is then stored as it is: the renewal is a precaution, not a
	 * condition).
	 */
	boolean renewedIfReturnedOften(Message message) {
		long returns = message.getMessageProperties().getHeader(DELIVERY_COUNT) instanceof Number count
				? count.longValue() : 0;
		if (returns < RENEW_AFTER) {
			return false;
		}
		try {
			ConfirmedPublish.into(rabbit, queue, freshCopy(message), "renewal-" + UUID.randomUUID());
			log.info("Dead letter {} came back to {} {} times: renewed (a fresh copy is in the queue)",
					message.getMessageProperties().getMessageId(), queue, returns);
			return true;
		}
		catch (AmqpException ex) {
			log.warn("Dead letter {} came back to {} {} times and could not be renewed ({}); storing it as it is",
					message.getMessageProperties().getMessageId(), queue, returns, ex.getMessage());
			return false;
		}
	}

	private static Message freshCopy(Message message) {
		Message copy = MessageBuilder.fromClonedMessage(message).build();
		MessageProperties properties = copy.getMessageProperties();
		properties.getHeaders().remove(DELIVERY_COUNT);
		properties.getHeaders().remove("x-acquired-count");
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		// A dead letter waits for as long as it takes;
		// it must not expire in the queue meanwhile.
		properties.setExpiration(null);
		return copy;
	}

}
