package com.example.food.infrastructure.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

import com.example.food.events.EventType;
import com.example.food.events.Messaging;

/**
 * The RabbitMQ topology of one service, declared by the code at start-up (idempotently: declaring
 * what exists changes nothing):
 *
 * <pre>
 *  food.events (topic) --routing keys it handles--> &lt;service&gt;.events (quorum)
 *                                                       | rejected / over its delivery limit
 *                                                       v
 *  food.events.dlx (direct) --&lt;service&gt;.events.dlq--> &lt;service&gt;.events.dlq (quorum)
 * </pre>
 *
 * The broker stays dumb: it routes by key and counts deliveries; what an event means is decided
 * by the endpoints.
 */
public final class EventTopology {

	private final String service;

	private final String queue;

	private final String deadLetterQueue;

	private final int deliveryLimit;

	EventTopology(String service, int deliveryLimit) {
		this.service = service;
		this.queue = Messaging.queueFor(service);
		this.deadLetterQueue = Messaging.deadLetterQueueFor(service);
		this.deliveryLimit = deliveryLimit;
	}

	/** The service's short name: {@code payment} for payment-service. */
	public String service() {
		return service;
	}

	public String queue() {
		return queue;
	}

	public String deadLetterQueue() {
		return deadLetterQueue;
	}

	static TopicExchange exchange() {
		return new TopicExchange(Messaging.EXCHANGE, true, false);
	}

	static DirectExchange deadLetterExchange() {
		return new DirectExchange(Messaging.DEAD_LETTER_EXCHANGE, true, false);
	}

	List<Declarable> declarables(EventHandlers handlers) {
		Queue events = QueueBuilder.durable(queue)
			.quorum()
			// Stops a message that crashes its consumer from being redelivered forever: RabbitMQ 4
			// defaults to 20, 3.x has no default, so it is always set.
			.deliveryLimit(deliveryLimit)
			.deadLetterExchange(Messaging.DEAD_LETTER_EXCHANGE)
			.deadLetterRoutingKey(deadLetterQueue)
			// Broker-side dead-lettering is at-most-once unless the queue asks for at-least-once,
			// which requires refusing new messages when full rather than dropping old ones.
			.withArgument("x-dead-letter-strategy", "at-least-once")
			.overflow(QueueBuilder.Overflow.rejectPublish)
			.build();
		Queue deadLetters = QueueBuilder.durable(deadLetterQueue).quorum().build();
		List<Declarable> declarables = new ArrayList<>(List.of(exchange(), deadLetterExchange(), events, deadLetters,
				BindingBuilder.bind(deadLetters).to(deadLetterExchange()).with(deadLetterQueue)));
		for (EventType type : handlers.types()) {
			Binding binding = BindingBuilder.bind(events).to(exchange()).with(type.routingKey());
			declarables.add(binding);
		}
		return declarables;
	}
}
