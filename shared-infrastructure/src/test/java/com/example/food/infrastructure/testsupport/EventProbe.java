package com.example.food.infrastructure.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.FoodEvent;
import com.example.food.events.InvalidEvent;
import com.example.food.events.Messaging;

/**
 * A test's window on the event bus: it publishes events as another service would (to the
 * {@code food.events} exchange, with the routing key of their type) and records every
 * event any service publishes, through a temporary queue bound to all routing keys. With
 * it, a service's test drives the service only through its real inputs and checks its
 * real outputs.
 *
 * <pre>
 * try (EventProbe bus = EventProbe.on(connectionFactory)) {
 *     bus.publish(EventEnvelope.of(new OrderPlaced(...), orderId));
 *     PaymentCompleted paid = bus.await(PaymentCompleted.class, orderId);
 * }
 * </pre>
 */
public final class EventProbe implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final RabbitTemplate rabbit;

	private final SimpleMessageListenerContainer listener;

	private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();

	private final Map<UUID, Map<String, Object>> headers = new ConcurrentHashMap<>();

	private EventProbe(ConnectionFactory connectionFactory) {
		RabbitAdmin admin = new RabbitAdmin(connectionFactory);
		TopicExchange exchange = new TopicExchange(Messaging.EXCHANGE, true, false);
		Queue queue = new AnonymousQueue();
		admin.declareExchange(exchange);
		admin.declareQueue(queue);
		Binding all = BindingBuilder.bind(queue).to(exchange).with("#");
		admin.declareBinding(all);
		this.rabbit = new RabbitTemplate(connectionFactory);
		this.listener = new SimpleMessageListenerContainer(connectionFactory);
		listener.setQueueNames(queue.getName());
		// A malformed message on the bus (a test's
		// publishRaw) is not this probe's business: skip it.
		listener.setDefaultRequeueRejected(false);
		listener.setMessageListener(message -> {
			try {
				EventEnvelope event = EventJson.read(message.getBody());
				headers.put(event.eventId(), Map.copyOf(message.getMessageProperties().getHeaders()));
				seen.add(event);
			}
			catch (InvalidEvent malformed) {
				// seen by the service under test, which dead-letters it
			}
		});
		listener.start();
	}

	public static EventProbe on(ConnectionFactory connectionFactory) {
		return new EventProbe(connectionFactory);
	}

	/** Publishes the event as its producer's outbox relay would. */
	public void publish(EventEnvelope event) {
		rabbit.send(Messaging.EXCHANGE, event.type(),
				MessageBuilder.withBody(EventJson.writeBytes(event))
					.setContentType("application/json")
					.setMessageId(event.eventId().toString())
					.build());
	}

	/**
	 * Publishes raw bytes under a routing key: a malformed message, as a broken producer
	 * would send.
	 */
	public void publishRaw(String routingKey, String body) {
		rabbit.send(Messaging.EXCHANGE, routingKey,
				MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
					.setContentType("application/json")
					.setMessageId(UUID.randomUUID().toString())
					.build());
	}

	/**
	 * Waits for the first event of this type about the order, and returns its envelope.
	 */
	public EventEnvelope awaitEnvelope(Class<? extends FoodEvent> type, UUID orderId) {
		Awaitility.await().atMost(PATIENCE).until(() -> !events(type, orderId).isEmpty());
		return events(type, orderId).getFirst();
	}

	/** Waits for the first event of this type about the order. */
	public <E extends FoodEvent> E await(Class<E> type, UUID orderId) {
		return type.cast(awaitEnvelope(type, orderId).payload());
	}

	/**
	 * Every event of this type about the order seen so far (none yet is an empty list).
	 */
	public List<EventEnvelope> events(Class<? extends FoodEvent> type, UUID orderId) {
		return seen.stream()
			.filter(event -> type.isInstance(event.payload()) && event.orderId().equals(orderId))
			.toList();
	}

	/** Every event about the order seen so far, in the order they arrived. */
	public List<EventEnvelope> events(UUID orderId) {
		return seen.stream().filter(event -> event.orderId().equals(orderId)).toList();
	}

	/** The message headers the event arrived with (e.g. its {@code traceparent}). */
	public Map<String, Object> headersOf(EventEnvelope event) {
		return headers.getOrDefault(event.eventId(), Map.of());
	}

	@Override
	public void close() {
		listener.stop();
	}

}
