package com.example.food.infrastructure.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do when it starts, checked once here and inherited by one small
 * test class per service: it starts on real PostgreSQL and RabbitMQ, in the test run's
 * own database and virtual host, applies its migrations, and reports itself live and
 * ready with both dependencies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
public abstract class ServiceStartupContract {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConnectionFactory rabbit;

	@Test
	void reportsReadyOnlyWithItsDatabaseAndBroker() {
		Map<String, Object> readiness = get("/actuator/health/readiness");

		assertThat(readiness).containsEntry("status", "UP");
		assertThat(readiness.get("components")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("db", "rabbit", "readinessState", "eventConsumption");
	}

	@Test
	void reportsLiveWithoutDependingOnOtherSystems() {
		Map<String, Object> liveness = get("/actuator/health/liveness");

		assertThat(liveness).containsEntry("status", "UP");
		assertThat(liveness.get("components")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("livenessState");
	}

	@Test
	void appliesItsMigrations() {
		Integer applied = jdbc.queryForObject("select count(*) from flyway_schema_history where success",
				Integer.class);

		assertThat(applied).isPositive();
	}

	@Test
	void worksInTheTestRunsOwnDatabaseAndVirtualHost() {
		TestWorkspace workspace = TestInfrastructure.workspace();

		assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(workspace.database());
		assertThat(rabbit.getVirtualHost()).isEqualTo(workspace.virtualHost());
	}

	private Map<String, Object> get(String path) {
		return RestClient.create("http://localhost:" + port).get().uri(path).retrieve().body(JSON_OBJECT);
	}

}
