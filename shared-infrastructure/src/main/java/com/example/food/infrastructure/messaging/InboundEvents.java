package com.example.food.infrastructure.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.EventType;

/**
 * Every message a service receives goes through here: read it (an unreadable one is a poison
 * message: {@link com.example.food.events.InvalidEvent}, dead-lettered without retries), then, in
 * ONE transaction, record its event id and run its handler. A duplicate finds its id already
 * recorded and changes nothing: at-least-once delivery, effectively-once processing.
 */
class InboundEvents implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private final EventHandlers handlers;

	private final ProcessedEvents processed;

	private final TransactionTemplate transaction;

	private final HandlerFailureSwitch failures;

	InboundEvents(EventHandlers handlers, ProcessedEvents processed, TransactionTemplate transaction,
			HandlerFailureSwitch failures) {
		this.handlers = handlers;
		this.processed = processed;
		this.transaction = transaction;
		this.failures = failures;
	}

	@Override
	public void onMessage(Message message) {
		EventEnvelope event = EventJson.read(message.getBody());
		failures.apply(event);
		transaction.executeWithoutResult(status -> {
			if (!processed.markProcessed(event)) {
				log.info("Order {}: {} {} was already processed; this delivery is a duplicate and changes nothing",
						event.orderId(), event.type(), event.eventId());
				return;
			}
			handlers.handlerOf(EventType.of(event.type()))
				.ifPresentOrElse(handler -> handler.accept(event.payload(), event),
						() -> log.info("Order {}: no handler for {}; ignored", event.orderId(), event.type()));
		});
	}
}
