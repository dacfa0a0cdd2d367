package com.example.food.infrastructure.testsupport;

import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Testcontainers mode: one PostgreSQL and one RabbitMQ container per test JVM. Every
 * Spring test context ({@link WithRealInfrastructure}) gets them through
 * {@code @ServiceConnection}; everything else reaches them through
 * {@link TestInfrastructure#workspace()}, whose database and virtual host are the
 * containers' own: they live and die with the JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(Containers.InTestcontainersMode.class)
class Containers {

	// Spring closes a container bean with its context (Spring Boot does so even with
	// destroyMethod = ""). These serve every cached context of the JVM, so close() leaves
	// them running; Testcontainers removes them when the JVM exits.
	private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17") {
		@Override
		public void close() {
		}
	};

	private static final RabbitMQContainer RABBIT = new RabbitMQContainer("rabbitmq:4-management") {
		@Override
		public void close() {
		}
	};

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return POSTGRES;
	}

	@Bean
	@ServiceConnection
	RabbitMQContainer rabbit() {
		return RABBIT;
	}

	/** Starts both containers (once) and returns the run's workspace on them. */
	static TestWorkspace workspace() {
		Startables.deepStart(POSTGRES, RABBIT).join();
		Servers servers = new Servers(
				new Servers.Postgres(POSTGRES.getHost(), POSTGRES.getMappedPort(5432), POSTGRES.getUsername(),
						POSTGRES.getPassword()),
				new Servers.Rabbit(RABBIT.getHost(), RABBIT.getAmqpPort(), RABBIT.getHttpPort(),
						RABBIT.getAdminUsername(), RABBIT.getAdminPassword()));
		return new TestWorkspace(servers, POSTGRES.getDatabaseName(), "/");
	}

	/**
	 * Only then: the local servers come as properties
	 * ({@link RealInfrastructureInitializer}).
	 */
	static class InTestcontainersMode implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestInfrastructure.mode() == TestInfrastructure.Mode.TESTCONTAINERS;
		}

	}

}
