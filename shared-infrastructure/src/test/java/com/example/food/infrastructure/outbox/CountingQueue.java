package com.example.food.infrastructure.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import com.example.food.events.EventEnvelope;
import com.example.food.events.Messaging;

/**
 * A queue bound to some routing keys that keeps every message id it received, in order:
 * how a test sees what a relay published, and how often.
 */
final class CountingQueue implements AutoCloseable {

	private final RabbitTemplate rabbit;

	private final RabbitAdmin admin;

	private final Queue queue = new AnonymousQueue();

	private final List<String> received = new ArrayList<>();

	CountingQueue(RabbitTemplate rabbit, String... routingKeys) {
		this.rabbit = rabbit;
		this.admin = new RabbitAdmin(rabbit.getConnectionFactory());
		admin.declareQueue(queue);
		for (String key : routingKeys) {
			bind(key);
		}
	}

	void bind(String routingKey) {
		admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Messaging.EXCHANGE)).with(routingKey));
	}

	/** The ids of every message received so far, in the order they arrived. */
	List<String> received() {
		// receive without a timeout is a basic.get: a consumer with a
		// timeout would, when cancelled, delete the auto-delete queue.
		for (Message message = rabbit.receive(queue.getName()); message != null; message = rabbit
			.receive(queue.getName())) {
			received.add(message.getMessageProperties().getMessageId());
		}
		return List.copyOf(received);
	}

	/** How many times the event arrived. */
	long count(EventEnvelope event) {
		return received().stream().filter(event.eventId().toString()::equals).count();
	}

	@Override
	public void close() {
		admin.deleteQueue(queue.getName());
	}

}
