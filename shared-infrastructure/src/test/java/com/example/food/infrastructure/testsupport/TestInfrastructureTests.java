package com.example.food.infrastructure.testsupport;

import org.junit.jupiter.api.Test;

import com.example.food.infrastructure.testsupport.TestInfrastructure.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TestInfrastructureTests {

	private final Servers local = Servers.local();

	@Test
	void prefersDockerWhenItAnswers() {
		assertThat(TestInfrastructure.choose(Mode.AUTO, true, true, local)).isEqualTo(Mode.TESTCONTAINERS);
	}

	@Test
	void fallsBackToTheLocalServersWithoutDocker() {
		assertThat(TestInfrastructure.choose(Mode.AUTO, false, true, local)).isEqualTo(Mode.LOCAL);
	}

	@Test
	void usesTheLocalServersWhenAskedEvenIfDockerAnswers() {
		assertThat(TestInfrastructure.choose(Mode.LOCAL, true, true, local)).isEqualTo(Mode.LOCAL);
	}

	@Test
	void failsSayingWhatToStartWhenNothingAnswers() {
		assertThatIllegalStateException().isThrownBy(() -> TestInfrastructure.choose(Mode.AUTO, false, false, local))
			.withMessageContaining("never skip")
			.withMessageContaining("start Docker")
			.withMessageContaining("rabbitmq-server")
			.withMessageContaining(local.postgres().host() + ":" + local.postgres().port());
	}

	@Test
	void failsWhenTestcontainersIsForcedWithoutDocker() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TestInfrastructure.choose(Mode.TESTCONTAINERS, false, true, local))
			.withMessageContaining("no Docker engine answers");
	}

	@Test
	void failsWhenLocalIsForcedWithoutLocalServers() {
		assertThatIllegalStateException().isThrownBy(() -> TestInfrastructure.choose(Mode.LOCAL, true, false, local))
			.withMessageContaining("FOOD_TEST_INFRA=local");
	}

}
