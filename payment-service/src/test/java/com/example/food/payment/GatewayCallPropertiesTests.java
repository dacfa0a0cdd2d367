package com.example.food.payment;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pause before a failed gateway call is tried again, with the same key. */
class GatewayCallPropertiesTests {

	private final GatewayCallProperties settings = new GatewayCallProperties(Duration.ofSeconds(5),
			Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(3), 2);

	@Test
	void doublesThePauseAfterEachFailedCallUpToTheLongest() {
		assertThat(settings.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.pauseAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.pauseAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(settings.pauseAfter(7)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.pauseAfter(500)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void leavesATakenCallToItsWorkerUntilItHasTimedOut() {
		assertThat(settings.lease()).isGreaterThan(settings.timeout());
	}

}
