package com.example.food.infrastructure.failure;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledTaskFailuresTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(ScheduledTaskFailures.class);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Instant now = Instant.parse("2026-12-04T10:00:00Z");

	private final ScheduledTaskFailures failures = new ScheduledTaskFailures(new Clock() {

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@BeforeEach
	void listen() {
		lines.start();
		logger.addAppender(lines);
	}

	@AfterEach
	void stopListening() {
		logger.detachAppender(lines);
	}

	@Test
	void saysOnceAMinuteThatTheDatabaseIsAwayInsteadOfAStackTraceATick() {
		for (int tick = 0; tick < 50; tick++) {
			failures.handleError(unreachable());
			now = now.plus(Duration.ofMillis(500));
		}
		now = now.plus(Duration.ofSeconds(40));
		failures.handleError(unreachable());

		assertThat(lines.list).hasSize(2).allSatisfy(line -> {
			assertThat(line.getLevel()).isEqualTo(Level.WARN);
			assertThat(line.getThrowableProxy()).isNull();
		});
		assertThat(lines.list.get(1).getFormattedMessage()).contains("50 tick(s) failed so far");
	}

	@Test
	void logsAnyOtherFailureWhole() {
		failures.handleError(new IllegalStateException("a bug"));

		assertThat(lines.list).singleElement().satisfies(line -> {
			assertThat(line.getLevel()).isEqualTo(Level.ERROR);
			assertThat(line.getThrowableProxy().getMessage()).isEqualTo("a bug");
		});
	}

	private static RuntimeException unreachable() {
		return new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));
	}

}
