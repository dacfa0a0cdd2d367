package com.example.food.infrastructure.messaging;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service takes part in the event flow; every value has a default that is explained
 * in food-service-defaults.yml.
 *
 * @param service the name of the service's queue, {@code <service>.events}; by default
 * the application name without "-service"
 * @param deliveryLimit how often the broker delivers one message before it dead-letters
 * it: what stops a message that crashes the consumer from crashing it forever
 * @param retry in-process retries of a handler that failed with a transient error
 * @param relay the outbox relay
 * @param outage how a consumer waits out a database outage, holding its message
 * @param processedEventRetention how long the ids of handled events are remembered (the
 * idempotent consumer's memory): a duplicate that comes later than that is handled again
 */
@ConfigurationProperties("food.messaging")
public record MessagingProperties(@Nullable String service, @DefaultValue("5") int deliveryLimit,
		@DefaultValue Retry retry, @DefaultValue Relay relay, @DefaultValue Outage outage,
		@DefaultValue("7d") Duration processedEventRetention) {

	/**
	 * @param maxAttempts the first attempt and the retries
	 * @param initialInterval the first pause; each next one is {@code multiplier} times
	 * longer
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("500ms") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
	}

	/**
	 * @param interval how often the relay looks for unsent events
	 * @param batchSize at most this many events per look
	 * @param confirmTimeout how long to wait for the broker's confirms of one batch, all
	 * together
	 * @param lease how long a relay's claim on a batch holds: longer than the confirm
	 * timeout; when a relay dies holding rows, they go out again (from any replica) once
	 * it has run out
	 * @param retention how long sent events are kept (for inspection) before they are
	 * deleted
	 */
	public record Relay(@DefaultValue("200ms") Duration interval, @DefaultValue("100") int batchSize,
			@DefaultValue("10s") Duration confirmTimeout, @DefaultValue("60s") Duration lease,
			@DefaultValue("7d") Duration retention) {
	}

	/**
	 * @param firstWait the first pause before trying a held message again; each next one
	 * is twice as long
	 * @param maxWait the longest pause
	 */
	public record Outage(@DefaultValue("500ms") Duration firstWait, @DefaultValue("10s") Duration maxWait) {
	}

	/** The queue name's stem: {@code payment} for payment-service. */
	public String serviceName(String applicationName) {
		return service != null && !service.isBlank() ? service : applicationName.replaceFirst("-service$", "");
	}
}
