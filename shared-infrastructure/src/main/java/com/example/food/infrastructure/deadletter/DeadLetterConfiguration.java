package com.example.food.infrastructure.deadletter;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.messaging.EventHandlers;
import com.example.food.infrastructure.messaging.EventTopology;

/** The dead-letter side of a service that consumes events: intake from its DLQ, and the admin API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventHandlers.class)
public class DeadLetterConfiguration {

	@Bean
	DeadLetters deadLetters(JdbcClient jdbc) {
		return new DeadLetters(jdbc);
	}

	@Bean
	DeadLetterAdministration deadLetterAdministration(DeadLetters deadLetters, RabbitTemplate rabbit, EventTopology topology) {
		return new DeadLetterAdministration(deadLetters, rabbit, topology.queue());
	}

	@Bean
	DeadLetterAdminController deadLetterAdminController(DeadLetterAdministration administration) {
		return new DeadLetterAdminController(administration);
	}

	@Bean
	SimpleMessageListenerContainer deadLetterIntakeContainer(ConnectionFactory connectionFactory, EventTopology topology,
			DeadLetters deadLetters) {
		// Storing a row rarely fails; if it does, the message stays in the queue (requeued) for later.
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(topology.deadLetterQueue());
		container.setMessageListener(new DeadLetterIntake(deadLetters));
		return container;
	}
}
