package com.example.food.infrastructure.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

import com.example.food.events.EventType;
import com.example.food.events.Messaging;
import com.example.food.events.Subscriptions;

/**
 * The RabbitMQ topology, declared by the code of every service at start-up (idempotently:
 * declaring what exists changes nothing), for each consuming service:
 *
 * <pre>
 *  food.events (topic) --routing keys it handles--> &lt;service&gt;.events (quorum)
 *                                                       | rejected / over its delivery limit
 *                                                       v
 *  food.events.dlx (direct) --&lt;service&gt;.events.dlq--> &lt;service&gt;.events.dlq (quorum)
 * </pre>
 *
 * The broker stays dumb: it routes by key and counts deliveries; what an event means is
 * decided by the endpoints.
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

	/**
	 * This service's queue, bound to what its handlers take, and every other consuming
	 * service's queue from the contract ({@link Subscriptions}), so that an event
	 * published before one of its consumers ever started waits in that consumer's queue
	 * instead of missing it.
	 */
	List<Declarable> declarables(EventHandlers handlers) {
		List<Declarable> declarables = new ArrayList<>(List.of(exchange(), deadLetterExchange()));
		declarables.addAll(queueOf(service, handlers.types()));
		Subscriptions.all().forEach((other, types) -> {
			if (!other.equals(service)) {
				declarables.addAll(queueOf(other, types));
			}
		});
		return declarables;
	}

	/** A service's queue with its bindings, and its dead-letter queue. */
	private List<Declarable> queueOf(String consumer, Set<EventType> types) {
		String name = Messaging.queueFor(consumer);
		String deadLetters = Messaging.deadLetterQueueFor(consumer);
		Queue events = QueueBuilder.durable(name)
			.quorum()
			// Stops a message that crashes its consumer from being redelivered forever:
			// RabbitMQ 4 defaults to 20, 3.x has no default, so it is always set.
			.deliveryLimit(deliveryLimit)
			.deadLetterExchange(Messaging.DEAD_LETTER_EXCHANGE)
			.deadLetterRoutingKey(deadLetters)
			// Broker-side dead-lettering is at-most-once unless the
			// queue asks for at-least-once, which requires refusing
			// new messages when full rather than dropping old ones.
			.withArgument("x-dead-letter-strategy", "at-least-once")
			.overflow(QueueBuilder.Overflow.rejectPublish)
			.build();
		Queue deadLetterQueue = QueueBuilder.durable(deadLetters).quorum().build();
		List<Declarable> declarables = new ArrayList<>(List.of(events, deadLetterQueue,
				BindingBuilder.bind(deadLetterQueue).to(deadLetterExchange()).with(deadLetters)));
		types.stream()
			.sorted()
			.forEach(type -> declarables.add(BindingBuilder.bind(events).to(exchange()).with(type.routingKey())));
		return declarables;
	}

}
