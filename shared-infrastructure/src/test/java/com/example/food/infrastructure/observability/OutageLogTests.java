package com.example.food.infrastructure.observability;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OutageLogTests {

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(OutageLogTests.class), "Test poller",
			"cannot reach the database ({}); work waits", "the database is back");

	@Test
	void warnsOncePerOutageAndSaysWhenItIsOver(CapturedOutput output) {
		outage.over();
		outage.during(new SQLException("connection refused"));
		outage.during(new SQLException("connection refused"));
		outage.during(new SQLException("connection refused"));
		assertThat(outage.isDown()).isTrue();
		outage.over();
		outage.over();

		assertThat(output.getAll())
			.containsOnlyOnce("Test poller: cannot reach the database (connection refused); work waits")
			.containsOnlyOnce("Test poller: the database is back");
		assertThat(output.getAll().indexOf("cannot reach")).isLessThan(output.getAll().indexOf("is back"));
		assertThat(outage.isDown()).isFalse();
	}

	@Test
	void warnsAgainForTheNextOutage(CapturedOutput output) {
		outage.during(new SQLException("first"));
		outage.over();
		outage.during(new SQLException("second"));

		assertThat(output.getAll()).contains("cannot reach the database (first)")
			.contains("cannot reach the database (second)");
		assertThat(outage.isDown()).isTrue();
	}

}
