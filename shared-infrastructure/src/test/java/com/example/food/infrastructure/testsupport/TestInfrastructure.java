package com.example.food.infrastructure.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * The one way every test in this project gets a real PostgreSQL and a real RabbitMQ.
 *
 * <p>
 * {@code FOOD_TEST_INFRA=auto|testcontainers|local} chooses the mode once per test JVM:
 * Testcontainers where a Docker engine answers, otherwise the servers on this machine. In
 * Testcontainers mode the run works in the containers' own database and virtual host
 * ({@link Containers}); with the local servers ({@link Servers#local()}) in a database
 * and virtual host of its own ({@link TestWorkspace#create}), removed when the JVM exits.
 * It never skips: with neither Docker nor local servers it fails, saying what to start.
 */
public final class TestInfrastructure {

	enum Mode {

		AUTO, TESTCONTAINERS, LOCAL

	}

	/** Far longer than any test run: older workspaces were left by a killed run. */
	private static final Duration ABANDONED_AFTER = Duration.ofHours(2);

	private static Mode mode;

	private static TestWorkspace workspace;

	private TestInfrastructure() {
	}

	/** This JVM's workspace, made on first use. */
	public static synchronized TestWorkspace workspace() {
		if (workspace == null) {
			workspace = mode() == Mode.TESTCONTAINERS ? Containers.workspace() : localWorkspace();
			Servers servers = workspace.servers();
			System.out.printf(
					"[test-infrastructure] mode %s: database %s on %s:%d, RabbitMQ virtual host %s on %s:%d%n",
					mode().name().toLowerCase(Locale.ROOT), workspace.database(), servers.postgres().host(),
					servers.postgres().port(), workspace.virtualHost(), servers.rabbit().host(),
					servers.rabbit().amqpPort());
		}
		return workspace;
	}

	static synchronized Mode mode() {
		if (mode == null) {
			String value = System.getProperty("food.test.infra", Servers.env("FOOD_TEST_INFRA", "auto"));
			Mode requested = Arrays.stream(Mode.values())
				.filter(candidate -> candidate.name().equalsIgnoreCase(value.trim()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"FOOD_TEST_INFRA=" + value + " is not a mode; use auto, testcontainers or local"));
			Servers local = Servers.local();
			boolean docker = requested != Mode.LOCAL && DockerClientFactory.instance().isDockerAvailable();
			boolean localAnswers = requested != Mode.TESTCONTAINERS
					&& answers(local.postgres().host(), local.postgres().port())
					&& answers(local.rabbit().host(), local.rabbit().amqpPort());
			mode = choose(requested, docker, localAnswers, local);
		}
		return mode;
	}

	/**
	 * A database and virtual host named after the module whose tests run (Surefire's
	 * working directory), after removing those that killed runs left behind.
	 */
	private static TestWorkspace localWorkspace() {
		Servers servers = Servers.local();
		TestWorkspace.removeAbandoned(servers, ABANDONED_AFTER);
		TestWorkspace created = TestWorkspace.create(servers, Path.of("").toAbsolutePath().getFileName().toString(),
				Instant.now());
		Runtime.getRuntime().addShutdownHook(new Thread(created::close, "test-workspace-cleanup"));
		return created;
	}

	/**
	 * The decision alone, kept pure so that a unit test can cover every branch: Docker
	 * first, then the local servers, else a failure that tells the developer what to
	 * start.
	 */
	static Mode choose(Mode requested, boolean dockerAvailable, boolean localServersAnswer, Servers local) {
		if (requested != Mode.LOCAL && dockerAvailable) {
			return Mode.TESTCONTAINERS;
		}
		if (requested != Mode.TESTCONTAINERS && localServersAnswer) {
			return Mode.LOCAL;
		}
		throw new IllegalStateException(switch (requested) {
			case TESTCONTAINERS -> "FOOD_TEST_INFRA=testcontainers, but no Docker engine answers. "
					+ "Start Docker (or set DOCKER_HOST), or run with FOOD_TEST_INFRA=local.";
			case LOCAL -> nothingToTestAgainst(local, "FOOD_TEST_INFRA=local, but");
			case AUTO -> nothingToTestAgainst(local, "No Docker engine answers and");
		});
	}

	private static String nothingToTestAgainst(Servers local, String start) {
		return start + " no PostgreSQL at " + local.postgres().host() + ":" + local.postgres().port()
				+ " and RabbitMQ at " + local.rabbit().host() + ":" + local.rabbit().amqpPort() + " both answer. "
				+ "The tests need a real PostgreSQL and RabbitMQ; they never skip. Either start Docker, "
				+ "or start the local servers (e.g. 'pg_ctlcluster <version> main start' and 'rabbitmq-server -detached' "
				+ "with 'rabbitmq-plugins enable rabbitmq_management'), or point FOOD_TEST_POSTGRES_HOST/PORT and "
				+ "FOOD_TEST_RABBITMQ_HOST/PORT at running ones.";
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
