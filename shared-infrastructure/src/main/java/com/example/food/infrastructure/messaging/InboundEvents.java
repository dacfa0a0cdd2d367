package com.example.food.infrastructure.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.EventType;
import com.example.food.infrastructure.failure.OutagePause;
import com.example.food.infrastructure.observability.OrderLogContext;

/**
 * Every message a service receives goes through here: read it (an unreadable one is a
 * poison message: {@link com.example.food.events.InvalidEvent}, dead-lettered without
 * retries), then, in ONE transaction, record its event id and run its handler. A
 * duplicate finds its id already recorded and changes nothing: at-least-once delivery,
 * effectively-once processing.
 *
 * <p>
 * A database that does not answer is not the message's fault: the transaction is tried
 * again, with the message held, until the database is back ({@link OutagePause}). Only
 * the handler's own failures reach the listener's retries and, after them, the
 * dead-letter queue.
 *
 * <p>
 * Each handler runs in an observation named after its step ("payment authorize"): a span
 * in the trace the message's headers carry (the listener continues it), and a timer
 * ({@code food.event.handled}). Its log lines carry the order id.
 */
class InboundEvents implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private final EventHandlers handlers;

	private final ProcessedEvents processed;

	private final TransactionTemplate transaction;

	private final HandlerFailureSwitch failures;

	private final ObservationRegistry observations;

	private final String service;

	private final OutagePause pause;

	InboundEvents(EventHandlers handlers, ProcessedEvents processed, TransactionTemplate transaction,
			HandlerFailureSwitch failures, ObservationRegistry observations, String service, OutagePause pause) {
		this.handlers = handlers;
		this.processed = processed;
		this.transaction = transaction;
		this.failures = failures;
		this.observations = observations;
		this.service = service;
		this.pause = pause;
	}

	@Override
	public void onMessage(Message message) {
		EventEnvelope event = EventJson.read(message.getBody());
		OrderLogContext.with(event.orderId(), () -> handle(event));
	}

	private void handle(EventEnvelope event) {
		var handler = handlers.handlerOf(EventType.of(event.type()));
		Observation.createNotStarted("food.event.handled", observations)
			.contextualName(service + " " + handler.map(EventHandlers.Handler::step).orElse("ignore " + event.type()))
			.lowCardinalityKeyValue("event.type", event.type())
			.highCardinalityKeyValue("order.id", event.orderId().toString())
			.highCardinalityKeyValue("event.id", event.eventId().toString())
			.observe(() -> {
				failures.apply(event);
				pause.run(() -> transaction.executeWithoutResult(status -> {
					if (!processed.markProcessed(event)) {
						log.info(
								"Order {}: {} {} was already processed; this delivery is a duplicate and changes nothing",
								event.orderId(), event.type(), event.eventId());
						return;
					}
					handler.ifPresentOrElse(h -> h.action().accept(event.payload(), event),
							() -> log.info("Order {}: no handler for {}; ignored", event.orderId(), event.type()));
				}));
			});
	}

}
