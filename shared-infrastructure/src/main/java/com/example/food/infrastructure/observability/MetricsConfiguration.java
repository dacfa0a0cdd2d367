package com.example.food.infrastructure.observability;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.messaging.EventHandlers;
import com.example.food.infrastructure.messaging.EventTopology;

/**
 * The metrics every service shares (registered here, written once), on top of what Spring
 * Boot measures by itself (HTTP requests, JVM, connection pool, RabbitMQ listeners). All
 * of them are scraped from {@code /actuator/prometheus}, behind the admin login;
 * docs/metrics.md lists them.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

	/**
	 * The Prometheus client's usual latency buckets: enough for histogram_quantile() to
	 * draw the p50 and p95 of any endpoint, at 12 series per endpoint and status instead
	 * of the ~70 of Micrometer's full percentile histogram.
	 */
	static final Duration[] HTTP_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
		.map(Duration::ofMillis)
		.toArray(Duration[]::new);

	@Bean
	OutboxMetrics outboxMetrics(JdbcClient jdbc) {
		return new OutboxMetrics(jdbc);
	}

	/**
	 * Only a service that consumes events has dead letters (see DeadLetterConfiguration).
	 */
	@Bean
	@ConditionalOnBean(EventHandlers.class)
	DeadLetterMetrics deadLetterMetrics(JdbcClient jdbc, EventTopology topology) {
		return new DeadLetterMetrics(jdbc, topology.deadLetterQueue());
	}

	/**
	 * Every meter says which service it comes from, so that a dashboard can tell the five
	 * apart however Prometheus was told to scrape them ({@code job} and {@code instance}
	 * are its own labels).
	 */
	@Bean
	MeterFilter applicationTag(@Value("${spring.application.name:application}") String application) {
		return MeterFilter.commonTags(List.of(Tag.of("application", application)));
	}

	/**
	 * Latency buckets for {@code http.server.requests} (Boot publishes only count, sum
	 * and max by default).
	 */
	@Bean
	MeterFilter httpLatencyBuckets() {
		return new MeterFilter() {

			@Override
			public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				if (!id.getName().equals("http.server.requests")) {
					return config;
				}
				return DistributionStatisticConfig.builder()
					.serviceLevelObjectives(Stream.of(HTTP_BUCKETS).mapToDouble(bucket -> bucket.toNanos()).toArray())
					.build()
					.merge(config);
			}
		};
	}

}
