package com.example.food.infrastructure.deadletter;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.connection.CorrelationData.Confirm;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishing a dead letter somewhere before letting go of it (a replay before its row is
 * removed, a renewed copy before the old one is acknowledged): only the broker's confirm
 * makes that safe.
 */
final class ConfirmedPublish {

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	private ConfirmedPublish() {
	}

	/**
	 * Publishes into one queue, through the default exchange (which routes by queue
	 * name), and returns once the broker has confirmed it.
	 * @throws AmqpException if the broker refused it, returned it or did not confirm it
	 * in time
	 */
	static void into(RabbitTemplate rabbit, String queue, Message message, String correlationId) {
		CorrelationData correlation = new CorrelationData(correlationId);
		rabbit.send("", queue, message, correlation);
		try {
			Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (!confirm.ack() || correlation.getReturned() != null) {
				throw new AmqpException("the broker did not take the message for " + queue + ": " + confirm.reason());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpException("interrupted while waiting for the broker's confirm", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AmqpException("no confirm from the broker for the message for " + queue, ex);
		}
	}

}
