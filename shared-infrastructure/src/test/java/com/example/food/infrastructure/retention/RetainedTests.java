package com.example.food.infrastructure.retention;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RetainedTests {

	@Test
	void takesPlainSqlNamesAndAPositiveRetention() {
		assertThatNoException().isThrownBy(() -> new Retained("processed_event", "processed_at", Duration.ofDays(7)));
	}

	@Test
	void refusesANameThatIsNotAPlainSqlName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Retained("processed_event; drop table x", "processed_at", Duration.ofDays(7)))
			.withMessageContaining("not a plain SQL name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Retained("outbox_message", "Sent At", Duration.ofDays(7)));
	}

	@Test
	void refusesARetentionThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Retained("processed_event", "processed_at", Duration.ZERO))
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Retained("processed_event", "processed_at", Duration.ofHours(-1)));
	}

	@Test
	void logsARetentionInTheUnitsItWasWrittenIn() {
		assertThat(RetentionJob.readable(Duration.ofDays(7))).isEqualTo("7d");
		assertThat(RetentionJob.readable(Duration.ofHours(24))).isEqualTo("1d");
		assertThat(RetentionJob.readable(Duration.ofHours(25))).isEqualTo("25h");
		assertThat(RetentionJob.readable(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(RetentionJob.readable(Duration.ofSeconds(90))).isEqualTo("PT1M30S");
	}

}
