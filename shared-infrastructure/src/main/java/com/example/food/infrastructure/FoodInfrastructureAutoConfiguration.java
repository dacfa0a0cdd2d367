package com.example.food.infrastructure;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.deadletter.DeadLetterConfiguration;
import com.example.food.infrastructure.messaging.MessagingConfiguration;
import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.outbox.OutboxRelay;
import com.example.food.infrastructure.security.AdminSecurityConfiguration;
import com.example.food.infrastructure.web.ProblemDetailsAdvice;
import com.example.food.infrastructure.web.RequestSizeLimit;
import com.example.food.infrastructure.web.WebProperties;

/**
 * Gives every service the shared infrastructure, just by having this module on its class path
 * (listed in META-INF/spring/...AutoConfiguration.imports).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration" })
@EnableScheduling
@EnableConfigurationProperties({ WebProperties.class, MessagingProperties.class })
@Import({ ProblemDetailsAdvice.class, RequestSizeLimit.class, AdminSecurityConfiguration.class, Outbox.class,
		MessagingConfiguration.class, DeadLetterConfiguration.class })
public class FoodInfrastructureAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, RabbitTemplate rabbit, TransactionTemplate transaction,
			MessagingProperties properties) {
		return new OutboxRelay(jdbc, rabbit, transaction, properties);
	}

}
