package com.example.food.infrastructure.deadletter;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecovererWithConfirms;

import com.example.food.events.Messaging;

/**
 * What happens to a message the service gives up on: it is republished to the service's
 * dead-letter queue, with its original routing key, the exception and the reason as
 * headers. The republish waits for the broker's confirm before the original is
 * acknowledged, so a dead letter cannot be lost between the two queues.
 */
public class DeadLetterRecoverer extends RepublishMessageRecovererWithConfirms {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private final int maxAttempts;

	public DeadLetterRecoverer(RabbitTemplate rabbit, String deadLetterQueue, int maxAttempts) {
		super(rabbit, Messaging.DEAD_LETTER_EXCHANGE, deadLetterQueue, ConfirmType.CORRELATED);
		this.maxAttempts = maxAttempts;
	}

	/**
	 * A message given back to its queue (the service stopping while it waited out an
	 * outage) is not a dead letter: rethrown, so that the container requeues it.
	 */
	@Override
	public void recover(Message message, Throwable cause) {
		if (isGivenBack(cause)) {
			throw new ImmediateRequeueAmqpException(cause.getMessage(), cause);
		}
		super.recover(message, cause);
	}

	/** Whether the failure asks for the message to go back to its queue. */
	public static boolean isGivenBack(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ImmediateRequeueAmqpException) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected Map<? extends String, ?> additionalHeaders(Message message, Throwable cause) {
		DeadLetterReason reason = DeadLetterReason.of(cause);
		int attempts = reason == DeadLetterReason.POISON ? 1 : maxAttempts;
		log.warn("Dead-lettering message {} ({}): {} after {} attempt(s): {}",
				message.getMessageProperties().getMessageId(), message.getMessageProperties().getReceivedRoutingKey(),
				reason, attempts, rootMessage(cause));
		Map<String, Object> headers = new HashMap<>();
		headers.put(DeadLetterReason.HEADER, reason.name());
		headers.put(DeadLetterReason.ATTEMPTS_HEADER, attempts);
		return headers;
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
