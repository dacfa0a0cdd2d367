package com.example.food.infrastructure.messaging;

import java.util.List;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.EventType;
import com.example.food.events.Subscriptions;
import com.example.food.infrastructure.deadletter.DeadLetterReason;
import com.example.food.infrastructure.deadletter.DeadLetterRecoverer;
import com.example.food.infrastructure.failure.OutagePause;

/**
 * The consuming side, for a service that declares {@link EventHandlers}: its queues, and
 * the listener that feeds {@link InboundEvents}, with bounded in-process retries for
 * transient failures and none for poison messages; either way, a message given up on is
 * republished (with publisher confirms, so it cannot be lost) to the service's
 * dead-letter queue with its reason.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventHandlers.class)
public class MessagingConfiguration {

	@Bean
	EventTopology eventTopology(MessagingProperties properties,
			@Value("${spring.application.name}") String application) {
		return new EventTopology(properties.serviceName(application), properties.deliveryLimit());
	}

	@Bean
	Declarables eventDeclarables(EventTopology topology, EventHandlers handlers) {
		checkSubscription(topology.service(), handlers);
		return new Declarables(topology.declarables(handlers));
	}

	/**
	 * The other services declare this service's queue from the contract: a handler added
	 * here but not there would miss the events published before this service first
	 * started. So the two must agree, or the service does not start.
	 */
	static void checkSubscription(String service, EventHandlers handlers) {
		Subscriptions.of(service).ifPresent(subscribed -> {
			if (!subscribed.equals(handlers.types())) {
				throw new IllegalStateException("The handlers of " + service + " take " + sorted(handlers.types())
						+ " but the contract (Subscriptions in shared-events) says " + sorted(subscribed)
						+ ": change both together");
			}
		});
	}

	private static List<String> sorted(Set<EventType> types) {
		return types.stream().map(EventType::routingKey).sorted().toList();
	}

	/**
	 * Holds a message through a database outage instead of dead-lettering it; reported as
	 * {@code eventConsumption} in the readiness group (DOWN while a consumer waits).
	 */
	@Bean
	OutagePause eventConsumptionHealthIndicator(MessagingProperties properties) {
		return new OutagePause(properties.outage().firstWait(), properties.outage().maxWait());
	}

	@Bean
	HandlerFailureSwitch handlerFailureSwitch() {
		return new HandlerFailureSwitch();
	}

	@Bean
	InboundEvents inboundEvents(EventHandlers handlers, JdbcClient jdbc, TransactionTemplate transaction,
			HandlerFailureSwitch failures, ObjectProvider<ObservationRegistry> observations, EventTopology topology,
			OutagePause pause) {
		return new InboundEvents(handlers, new ProcessedEvents(jdbc), transaction, failures,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), topology.service(), pause);
	}

	@Bean
	HandlerFailureAdminController handlerFailureAdminController(HandlerFailureSwitch failures) {
		return new HandlerFailureAdminController(failures);
	}

	@Bean
	SimpleMessageListenerContainer eventListenerContainer(SimpleRabbitListenerContainerFactoryConfigurer configurer,
			ConnectionFactory connectionFactory, EventTopology topology, InboundEvents inbound, RabbitTemplate rabbit,
			MessagingProperties properties) {
		MessagingProperties.Retry retry = properties.retry();
		var recoverer = new DeadLetterRecoverer(rabbit, topology.deadLetterQueue(), retry.maxAttempts());
		var factory = new SimpleRabbitListenerContainerFactory();
		configurer.configure(factory, connectionFactory);
		factory.setAdviceChain(RetryInterceptorBuilder.stateless()
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(retry.maxAttempts() - 1)
				.delay(retry.initialInterval())
				.multiplier(retry.multiplier())
				.maxDelay(retry.maxInterval())
				// A message that cannot be read will not become
				// readable: no retry. One given back to the queue at
				// shutdown (see OutagePause) is not retried here either.
				.predicate(failure -> DeadLetterReason.of(failure) != DeadLetterReason.POISON
						&& !DeadLetterRecoverer.isGivenBack(failure))
				.build())
			.recoverer(recoverer)
			.build());
		SimpleMessageListenerContainer container = factory.createListenerContainer();
		container.setQueueNames(topology.queue());
		container.setMessageListener(inbound);
		return container;
	}

}
