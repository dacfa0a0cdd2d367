package com.example.food.infrastructure.deadletter;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.failure.OutagePause;
import com.example.food.infrastructure.messaging.EventHandlers;
import com.example.food.infrastructure.messaging.EventTopology;

/**
 * The dead-letter side of a service that consumes events: intake from its DLQ, and the
 * admin API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventHandlers.class)
public class DeadLetterConfiguration {

	@Bean
	DeadLetters deadLetters(JdbcClient jdbc) {
		return new DeadLetters(jdbc);
	}

	@Bean
	DeadLetterAdministration deadLetterAdministration(DeadLetters deadLetters, RabbitTemplate rabbit,
			EventTopology topology) {
		return new DeadLetterAdministration(deadLetters, rabbit, topology.queue());
	}

	@Bean
	DeadLetterAdminController deadLetterAdminController(DeadLetterAdministration administration) {
		return new DeadLetterAdminController(administration);
	}

	/**
	 * Built here rather than by Boot's factory, whose
	 * {@code default-requeue-rejected: false} is right for the service's own queue (a
	 * rejected message goes on to the dead letters) and wrong for this one: the
	 * dead-letter queue has no dead-letter exchange, so a message rejected without
	 * requeue would be gone.
	 */
	@Bean
	SimpleMessageListenerContainer deadLetterIntakeContainer(ConnectionFactory connectionFactory,
			EventTopology topology, DeadLetters deadLetters, OutagePause pause, RabbitTemplate rabbit) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(topology.deadLetterQueue());
		// Acknowledged once the row is written, never before.
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		// One message at a time: the one being stored (or held through an outage) is
		// the only one taken from the queue; the others wait there, where no stop or
		// crash of this service counts a delivery against them (see DeadLetterRenewal).
		container.setPrefetchCount(1);
		// The intake throws only when the service stops while it holds a message,
		// and then asks for a requeue (ImmediateRequeueAmqpException). Anything
		// else that escaped would be a bug: better seen again than lost.
		container.setDefaultRequeueRejected(true);
		container.setMessageListener(
				new DeadLetterIntake(deadLetters, pause, new DeadLetterRenewal(rabbit, topology.deadLetterQueue())));
		return container;
	}

}
