package com.example.food.infrastructure.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way every test in this project gets a real PostgreSQL and a real RabbitMQ.
 *
 * <p>
 * Testcontainers where a Docker engine answers, otherwise the servers on this machine
 * ({@link Servers#local()}). {@code FOOD_TEST_INFRA=testcontainers|local} forces a mode.
 * Either way the run works in its own database and virtual host ({@link TestWorkspace}),
 * created once per test JVM and removed when it exits. It never skips: with neither
 * Docker nor local servers it fails, saying what to start.
 */
public final class TestInfrastructure {

	public enum Mode {

		AUTO, TESTCONTAINERS, LOCAL

	}

	static final String POSTGRES_IMAGE = "postgres:17";

	static final String RABBITMQ_IMAGE = "rabbitmq:4-management";

	/**
	 * Far longer than any test run: older workspaces were left by a run that was killed.
	 */
	private static final Duration ABANDONED_AFTER = Duration.ofHours(2);

	private static TestWorkspace workspace;

	private TestInfrastructure() {
	}

	/**
	 * This JVM's workspace, created on first use; {@code label} names it (e.g. the
	 * service).
	 */
	public static synchronized TestWorkspace workspace(String label) {
		if (workspace == null) {
			Servers servers = start(requestedMode());
			TestWorkspace.removeAbandoned(servers, ABANDONED_AFTER);
			workspace = TestWorkspace.create(servers, label);
			TestWorkspace created = workspace;
			Runtime.getRuntime().addShutdownHook(new Thread(created::close, "test-workspace-cleanup"));
			System.out.printf(
					"[test-infrastructure] mode: %s; database %s on %s:%d, RabbitMQ virtual host %s on %s:%d%n",
					servers.description(), created.database(), servers.postgres().host(), servers.postgres().port(),
					created.virtualHost(), servers.rabbit().host(), servers.rabbit().amqpPort());
		}
		return workspace;
	}

	static Mode requestedMode() {
		String value = System.getProperty("food.test.infra", Servers.env("FOOD_TEST_INFRA", "auto"));
		try {
			return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"FOOD_TEST_INFRA=" + value + " is not a mode; use auto, testcontainers or local");
		}
	}

	private static Servers start(Mode requested) {
		Servers local = Servers.local();
		boolean docker = requested != Mode.LOCAL && DockerClientFactory.instance().isDockerAvailable();
		boolean localAnswers = requested != Mode.TESTCONTAINERS
				&& answers(local.postgres().host(), local.postgres().port())
				&& answers(local.rabbit().host(), local.rabbit().amqpPort());
		return switch (choose(requested, docker, localAnswers, local)) {
			case TESTCONTAINERS -> startContainers();
			case LOCAL, AUTO -> local;
		};
	}

	/**
	 * The decision alone, kept pure so that a unit test can cover every branch: Docker
	 * first, then the local servers, else a failure that tells the developer what to
	 * start.
	 */
	static Mode choose(Mode requested, boolean dockerAvailable, boolean localServersAnswer, Servers local) {
		return switch (requested) {
			case TESTCONTAINERS -> {
				if (!dockerAvailable) {
					throw new IllegalStateException("FOOD_TEST_INFRA=testcontainers, but no Docker engine answers. "
							+ "Start Docker (or set DOCKER_HOST), or run with FOOD_TEST_INFRA=local.");
				}
				yield Mode.TESTCONTAINERS;
			}
			case LOCAL -> {
				if (!localServersAnswer) {
					throw new IllegalStateException(nothingToTestAgainst(local, "FOOD_TEST_INFRA=local, but"));
				}
				yield Mode.LOCAL;
			}
			case AUTO -> {
				if (dockerAvailable) {
					yield Mode.TESTCONTAINERS;
				}
				if (localServersAnswer) {
					yield Mode.LOCAL;
				}
				throw new IllegalStateException(nothingToTestAgainst(local, "No Docker engine answers and"));
			}
		};
	}

	private static String nothingToTestAgainst(Servers local, String start) {
		return start + " no PostgreSQL at " + local.postgres().host() + ":" + local.postgres().port()
				+ " and RabbitMQ at " + local.rabbit().host() + ":" + local.rabbit().amqpPort() + " both answer. "
				+ "The tests need a real PostgreSQL and RabbitMQ; they never skip. Either start Docker, "
				+ "or start the local servers (e.g. 'pg_ctlcluster <version> main start' and 'rabbitmq-server -detached' "
				+ "with 'rabbitmq-plugins enable rabbitmq_management'), or point FOOD_TEST_POSTGRES_HOST/PORT and "
				+ "FOOD_TEST_RABBITMQ_HOST/PORT at running ones.";
	}

	private static Servers startContainers() {
		var postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE));
		var rabbit = new RabbitMQContainer(DockerImageName.parse(RABBITMQ_IMAGE));
		Startables.deepStart(postgres, rabbit).join();
		// Runs after the workspace's cleanup hook is registered? Order
		// of hooks is not defined, and it does not matter: a stopped
		// container takes its database and virtual host with it.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			rabbit.stop();
			postgres.stop();
		}, "test-containers-stop"));
		return new Servers("Testcontainers (" + POSTGRES_IMAGE + ", " + RABBITMQ_IMAGE + ")",
				new Servers.Postgres(postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(),
						postgres.getPassword()),
				new Servers.Rabbit(rabbit.getHost(), rabbit.getAmqpPort(), rabbit.getHttpPort(),
						rabbit.getAdminUsername(), rabbit.getAdminPassword()));
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
