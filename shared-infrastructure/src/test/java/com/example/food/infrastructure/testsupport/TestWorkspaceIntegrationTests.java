package com.example.food.infrastructure.testsupport;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test support itself, against whichever real servers {@link TestInfrastructure}
 * chose.
 */
class TestWorkspaceIntegrationTests {

	private final Servers servers = TestInfrastructure.workspace("infrastructure").servers();

	@Test
	void givesARunItsOwnDatabaseAndVirtualHostAndRemovesThemAfter() throws Exception {
		TestWorkspace workspace = TestWorkspace.create(servers, "workspace_check");
		assertThat(workspace.databaseExists()).isTrue();
		assertThat(workspace.virtualHostExists()).isTrue();

		try (var connection = DriverManager.getConnection(workspace.jdbcUrl(), servers.postgres().user(),
				servers.postgres().password()); var statement = connection.createStatement()) {
			statement.execute("create table probe (id int primary key)");
			assertThat(statement.executeUpdate("insert into probe values (1)")).isEqualTo(1);
		}
		assertThat(roundTripThroughAQueue(workspace)).isEqualTo("hello");
		String serviceDatabase = workspace.createServiceDatabase("inventory-service");
		assertThat(serviceDatabase).endsWith(workspace.database() + "_inventory_service");
		assertThat(databaseExists(serviceDatabase)).isTrue();

		workspace.close();

		assertThat(workspace.databaseExists()).isFalse();
		assertThat(databaseExists(serviceDatabase)).isFalse();
		assertThat(workspace.virtualHostExists()).isFalse();
	}

	@Test
	void namesTheWorkspaceSoThatTwoRunsNeverShareIt() {
		try (TestWorkspace first = TestWorkspace.create(servers, "twin");
				TestWorkspace second = TestWorkspace.create(servers, "twin")) {
			assertThat(first.database()).startsWith("food_test_twin_").isNotEqualTo(second.database());
			assertThat(first.virtualHost()).isNotEqualTo(second.virtualHost());
		}
	}

	@Test
	void removesWhatAKilledRunLeftBehindButNothingYounger() {
		TestWorkspace abandoned = TestWorkspace.create(servers, "abandoned", Instant.now().minus(Duration.ofHours(3)));
		TestWorkspace current = TestWorkspace.create(servers, "current");
		try {
			TestWorkspace.removeAbandoned(servers, Duration.ofHours(2));

			assertThat(abandoned.databaseExists()).isFalse();
			assertThat(abandoned.virtualHostExists()).isFalse();
			assertThat(current.databaseExists()).isTrue();
			assertThat(current.virtualHostExists()).isTrue();
		}
		finally {
			current.close();
			abandoned.close();
		}
	}

	@Test
	void pointsSpringAtTheWorkspace() {
		TestWorkspace workspace = TestInfrastructure.workspace("infrastructure");

		Map<String, String> properties = workspace.springProperties();

		assertThat(properties).containsEntry("spring.datasource.url", workspace.jdbcUrl())
			.containsEntry("spring.rabbitmq.virtual-host", workspace.virtualHost())
			.containsEntry("spring.rabbitmq.port", String.valueOf(servers.rabbit().amqpPort()));
	}

	private boolean databaseExists(String jdbcUrl) throws Exception {
		String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
		try (var connection = DriverManager.getConnection(servers.postgres().jdbcUrl("postgres"),
				servers.postgres().user(), servers.postgres().password());
				var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			statement.setString(1, name);
			return statement.executeQuery().next();
		}
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
