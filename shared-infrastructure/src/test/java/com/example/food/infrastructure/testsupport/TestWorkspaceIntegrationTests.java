package com.example.food.infrastructure.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test support itself, against whichever real servers {@link TestInfrastructure}
 * chose.
 */
class TestWorkspaceIntegrationTests {

	private final Servers servers = TestInfrastructure.workspace().servers();

	@Test
	void givesARunItsOwnDatabaseAndVirtualHostAndRemovesThemAfter() {
		TestWorkspace workspace = TestWorkspace.create(servers, "workspace_check", Instant.now());
		assertThat(databaseExists(workspace.jdbcUrl())).isTrue();
		assertThat(workspace.virtualHostExists()).isTrue();

		JdbcClient database = jdbc(workspace.jdbcUrl());
		database.sql("create table probe (id int primary key)").update();
		assertThat(database.sql("insert into probe values (1)").update()).isEqualTo(1);
		assertThat(roundTripThroughAQueue(workspace)).isEqualTo("hello");
		String serviceDatabase = workspace.createServiceDatabase("inventory-service");
		assertThat(serviceDatabase).endsWith(workspace.database() + "_inventory_service");
		assertThat(databaseExists(serviceDatabase)).isTrue();

		workspace.close();

		assertThat(databaseExists(workspace.jdbcUrl())).isFalse();
		assertThat(databaseExists(serviceDatabase)).isFalse();
		assertThat(workspace.virtualHostExists()).isFalse();
	}

	@Test
	void namesTheWorkspaceSoThatTwoRunsNeverShareIt() {
		try (TestWorkspace first = TestWorkspace.create(servers, "twin", Instant.now());
				TestWorkspace second = TestWorkspace.create(servers, "twin", Instant.now())) {
			assertThat(first.database()).startsWith("food_test_twin_").isNotEqualTo(second.database());
			assertThat(first.virtualHost()).isNotEqualTo(second.virtualHost());
		}
	}

	@Test
	void removesWhatAKilledRunLeftBehindButNothingYounger() {
		TestWorkspace abandoned = TestWorkspace.create(servers, "abandoned", Instant.now().minus(Duration.ofHours(3)));
		TestWorkspace current = TestWorkspace.create(servers, "current", Instant.now());
		try {
			TestWorkspace.removeAbandoned(servers, Duration.ofHours(2));

			assertThat(databaseExists(abandoned.jdbcUrl())).isFalse();
			assertThat(abandoned.virtualHostExists()).isFalse();
			assertThat(databaseExists(current.jdbcUrl())).isTrue();
			assertThat(current.virtualHostExists()).isTrue();
		}
		finally {
			current.close();
			abandoned.close();
		}
	}

	@Test
	void pointsSpringAtTheWorkspace() {
		TestWorkspace workspace = TestInfrastructure.workspace();

		Map<String, String> properties = workspace.springProperties();

		assertThat(properties).containsEntry("spring.datasource.url", workspace.jdbcUrl())
			.containsEntry("spring.rabbitmq.virtual-host", workspace.virtualHost())
			.containsEntry("spring.rabbitmq.port", String.valueOf(servers.rabbit().amqpPort()));
	}

	@Test
	void keepsTheRunsServersWhenASpringContextCloses() {
		// In Testcontainers mode this context holds the shared containers as beans.
		new SpringApplicationBuilder(Containers.class).web(WebApplicationType.NONE).run().close();

		assertThat(databaseExists(TestInfrastructure.workspace().jdbcUrl())).isTrue();
	}

	private boolean databaseExists(String jdbcUrl) {
		return jdbc(servers.postgres().jdbcUrl("postgres")).sql("select count(*) from pg_database where datname = ?")
			.param(jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1))
			.query(Integer.class)
			.single() == 1;
	}

	private JdbcClient jdbc(String url) {
		return JdbcClient
			.create(new DriverManagerDataSource(url, servers.postgres().user(), servers.postgres().password()));
	}

	private String roundTripThroughAQueue(TestWorkspace workspace) {
		var factory = new CachingConnectionFactory(servers.rabbit().host(), servers.rabbit().amqpPort());
		factory.setUsername(servers.rabbit().user());
		factory.setPassword(servers.rabbit().password());
		factory.setVirtualHost(workspace.virtualHost());
		try {
			new RabbitAdmin(factory).declareQueue(new Queue("probe", false));
			var template = new RabbitTemplate(factory);
			template.convertAndSend("probe", "hello");
			return (String) template.receiveAndConvert("probe", 5_000);
		}
		finally {
			factory.destroy();
		}
	}

}
