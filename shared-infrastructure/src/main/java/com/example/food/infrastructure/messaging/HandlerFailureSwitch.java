package com.example.food.infrastructure.messaging;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import com.example.food.events.EventEnvelope;
import com.example.food.events.InvalidEvent;

/**
 * A switch for teaching: makes this service's next event handlings fail, transiently
 * (retried, then dead-lettered if it keeps failing) or as poison (dead-lettered at once),
 * so that retries and the dead-letter queue can be watched with curl. Kept in memory: it
 * is for one process's demo. Set through {@code /admin/handler-failures}.
 */
public class HandlerFailureSwitch {

	/**
	 * @param routingKey only events of this type fail; null for all
	 * @param transientFailures how many of the next handlings fail with a transient error
	 * @param poison whether the next matching event is treated as poison (once)
	 */
	public record Settings(@Nullable String routingKey, int transientFailures, boolean poison) {

		static final Settings OFF = new Settings(null, 0, false);

		/** What a PUT body says; a member left out means off. */
		@JsonCreator
		static Settings of(@JsonProperty("routingKey") @Nullable String routingKey,
				@JsonProperty("transientFailures") @Nullable Integer transientFailures,
				@JsonProperty("poison") @Nullable Boolean poison) {
			return new Settings(routingKey, transientFailures == null ? 0 : Math.max(0, transientFailures),
					Boolean.TRUE.equals(poison));
		}

		boolean matches(EventEnvelope event) {
			return routingKey == null || routingKey.equals(event.type());
		}
	}

	/** A transient failure injected by the switch: retried like any other. */
	public static final class InjectedFailure extends RuntimeException {

		InjectedFailure(String message) {
			super(message);
		}

	}

	private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.OFF);

	public Settings settings() {
		return settings.get();
	}

	public void set(Settings next) {
		settings.set(next);
	}

	void apply(EventEnvelope event) {
		Settings current = settings.get();
		if (!current.matches(event)) {
			return;
		}
		if (current.poison() && settings.compareAndSet(current,
				new Settings(current.routingKey(), current.transientFailures(), false))) {
			throw new InvalidEvent(
					"treated as poison by the handler failure switch: " + event.type() + " " + event.eventId());
		}
		if (current.transientFailures() > 0 && settings.compareAndSet(current,
				new Settings(current.routingKey(), current.transientFailures() - 1, false))) {
			throw new InjectedFailure("transient failure injected by the handler failure switch");
		}
	}

}
