package com.example.food.infrastructure;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.deadletter.DeadLetterConfiguration;
import com.example.food.infrastructure.failure.ScheduledTaskFailures;
import com.example.food.infrastructure.messaging.MessagingConfiguration;
import com.example.food.infrastructure.messaging.MessagingProperties;
import com.example.food.infrastructure.observability.MetricsConfiguration;
import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.infrastructure.observability.TraceHandoff;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.outbox.OutboxRelay;
import com.example.food.infrastructure.polling.Poller;
import com.example.food.infrastructure.retention.Retained;
import com.example.food.infrastructure.retention.RetentionJob;
import com.example.food.infrastructure.security.AdminSecurityConfiguration;
import com.example.food.infrastructure.web.OpenApiConfiguration;
import com.example.food.infrastructure.web.ProblemDetailsAdvice;
import com.example.food.infrastructure.web.RequestSizeLimit;
import com.example.food.infrastructure.web.WebProperties;

/**
 * Gives every service the shared infrastructure, just by having this module on its class
 * path (listed in META-INF/spring/...AutoConfiguration.imports).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration" })
@EnableScheduling
@EnableConfigurationProperties({ WebProperties.class, MessagingProperties.class })
@Import({ ProblemDetailsAdvice.class, RequestSizeLimit.class, AdminSecurityConfiguration.class,
		MessagingConfiguration.class, DeadLetterConfiguration.class, MetricsConfiguration.class,
		OpenApiConfiguration.class })
public class FoodInfrastructureAutoConfiguration {

	@Bean
	TraceHandoff traceHandoff(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceHandoff(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	/**
	 * The trace that a timer's or a worker's step continues, kept apart from the
	 * entities.
	 */
	@Bean
	StoredTraces storedTraces(JdbcClient jdbc, TraceHandoff handoff, Clock clock) {
		return new StoredTraces(jdbc, handoff, clock);
	}

	/**
	 * The time the aggregates' transitions are stamped with, to the microsecond: what
	 * PostgreSQL's timestamps keep, so that a saved and a reloaded aggregate show the
	 * same time. A test may declare its own (the kitchen's holds time still).
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

	/**
	 * One warning a minute, not a stack trace a tick, while the database of the scheduled
	 * tasks and the pollers is away.
	 */
	@Bean
	ScheduledTaskFailures scheduledTaskFailures() {
		return new ScheduledTaskFailures(Clock.systemUTC());
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer scheduledTaskFailuresHandler(ScheduledTaskFailures failures) {
		return scheduler -> scheduler.setErrorHandler(failures);
	}

	/**
	 * The outbox's writer hands its rows over to the relay, and wakes the relay's poller,
	 * after its commit.
	 */
	@Bean
	Outbox outbox(JdbcClient jdbc, TraceHandoff tracing, OutboxRelay relay, Poller outboxRelayPoller) {
		return new Outbox(jdbc, tracing, relay, outboxRelayPoller);
	}

	/**
	 * The relay's thread: woken by each commit that wrote an event, else every
	 * {@code food.messaging.relay.interval}.
	 */
	@Bean
	Poller outboxRelayPoller(OutboxRelay relay, MessagingProperties properties, ScheduledTaskFailures failures) {
		return new Poller("outbox-relay", properties.relay().interval(), relay::relay, failures);
	}

	/**
	 * The relay publishes with a RabbitTemplate of its own, on the connection factory's
	 * separate publisher connection: when the broker throttles publishing (flow control,
	 * a memory or disk alarm blocks the connections that publish), the listeners'
	 * connection is not blocked with it and keeps consuming, which is what drains the
	 * queues. Otherwise it is configured as the application's template is
	 * (spring.rabbitmq.template: mandatory), but without the template's observation: the
	 * relay's own span ({@code order.placed publish}, {@link TraceHandoff#startPublish})
	 * is the producer span and writes the trace context into the headers; a second span
	 * per event around the send cost the relay's thread a fifth of its CPU and told
	 * nothing new (docs/performance-findings.md). It is not a bean: a second
	 * RabbitTemplate bean would make Spring Boot back off from declaring the
	 * application's.
	 */
	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transaction, ConnectionFactory connectionFactory,
			RabbitTemplateConfigurer configurer, MessagingProperties properties, TraceHandoff tracing,
			ObjectProvider<MeterRegistry> meters) {
		RabbitTemplate publisher = new RabbitTemplate();
		configurer.configure(publisher, connectionFactory);
		publisher.setUsePublisherConnection(true);
		publisher.setObservationEnabled(false);
		return new OutboxRelay(jdbc, transaction, publisher, properties.relay(), tracing,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * Sent outbox rows are kept for inspection a while
	 * ({@code food.messaging.relay.retention}).
	 */
	@Bean
	Retained sentOutboxEventsRetention(MessagingProperties properties) {
		return new Retained("outbox_message", "sent_at", properties.relay().retention());
	}

	/**
	 * The idempotent consumer's memory
	 * ({@code food.messaging.processed-event-retention}).
	 */
	@Bean
	Retained processedEventsRetention(MessagingProperties properties) {
		return new Retained("processed_event", "processed_at", properties.processedEventRetention());
	}

	/**
	 * The traces handed over to later work, kept as long as the processed event ids: a
	 * timer fires within minutes.
	 */
	@Bean
	Retained traceHandoffRetention(MessagingProperties properties) {
		return new Retained("trace_handoff", "handed_over_at", properties.processedEventRetention());
	}

	@Bean
	RetentionJob retentionJob(JdbcClient jdbc, ObjectProvider<Retained> tables) {
		return new RetentionJob(jdbc, tables.orderedStream().toList());
	}

	/**
	 * Probes and scrapes (/actuator/health every few seconds, /actuator/prometheus) are
	 * neither traced nor timed: they would bury the orders' traces in Zipkin.
	 */
	@Bean
	ObservationPredicate noActuatorObservations() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getRequestURI().startsWith("/actuator"));
	}

	@Bean
	FilterRegistrationBean<OrderLogContext> orderLogContext() {
		var registration = new FilterRegistrationBean<>(new OrderLogContext());
		// After the tracing filter, so both ids are in the MDC for the whole request.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
