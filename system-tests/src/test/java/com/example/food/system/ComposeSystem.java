package com.example.food.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.example.food.infrastructure.testsupport.HttpTestClient;

/**
 * The system as {@code docker compose} runs it, from the repository's compose files,
 * under a project name of its own ({@value #PROJECT}) and with host ports of its own, so
 * that it touches neither a user's compose project nor this machine's PostgreSQL and
 * RabbitMQ. The test reaches the public API through its published port and each replica
 * at its container's address; it breaks things with {@code docker kill -s KILL},
 * {@code docker pause} and {@code docker start}.
 */
final class ComposeSystem implements AutoCloseable {

	static final String PROJECT = "food-chaos";

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path WORK = Path.of("target", "compose-chaos").toAbsolutePath();

	private static final Map<String, Integer> PORTS = Map.of("order-service", 8080, "inventory-service", 8081,
			"payment-service", 8082, "kitchen-service", 8083, "delivery-service", 8084);

	private static final Map<String, String> DATABASES = Map.of("order-service", "orders", "inventory-service",
			"inventory", "payment-service", "payments", "kitchen-service", "kitchen", "delivery-service", "delivery");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> files;

	private final Map<String, String> environment = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ComposeSystem(List<String> files) {
		this.files = files;
		this.environment.putAll(Map.of("POSTGRES_USER", "food", "POSTGRES_PASSWORD", "chaos", "RABBITMQ_USER", "food",
				"RABBITMQ_PASSWORD", "chaos", "RABBITMQ_ERLANG_COOKIE", "food-chaos-cookie", "FOOD_ADMIN_USER", "admin",
				"FOOD_ADMIN_PASSWORD", UUID.randomUUID().toString()));
		this.environment
			.putAll(Map.of("POSTGRES_HOST_PORT", freePort(), "RABBITMQ_HOST_PORT", freePort(), "RABBITMQ_UI_HOST_PORT",
					freePort(), "ORDER_HOST_PORT", freePort(), "GATEWAY_STATS_HOST_PORT", freePort()));
	}

	/**
	 * Builds the images and starts the system from {@code docker-compose.yml} and the
	 * given further compose files, each service with the given Spring properties on top
	 * of its own (in {@code SPRING_APPLICATION_JSON}), and waits until every container is
	 * healthy.
	 */
	static ComposeSystem up(List<String> furtherFiles, Map<String, Map<String, String>> properties) {
		List<String> files = new ArrayList<>(List.of(ROOT.resolve("docker-compose.yml").toString()));
		furtherFiles.forEach(file -> files.add(ROOT.resolve(file).toString()));
		try {
			Files.createDirectories(WORK);
			StringBuilder override = new StringBuilder(
					"# Written by ComposeSystem: the chaos run's settings.\nservices:\n");
			properties.forEach((service, own) -> override.append("  ")
				.append(service)
				.append(":\n    environment:\n      SPRING_APPLICATION_JSON: '")
				.append(JSON.writeValueAsString(own))
				.append("'\n"));
			Path file = WORK.resolve("chaos-settings.yml");
			Files.writeString(file, override);
			files.add(file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ComposeSystem system = new ComposeSystem(files);
		try {
			system.compose(Duration.ofMinutes(20), "up", "--build", "--wait", "--wait-timeout", "900", "--quiet-pull");
		}
		catch (IllegalStateException ex) {
			// A container its restart policy restarted during the start
			// (a dependency not yet answering) fails --wait, though it
			// becomes healthy: wait once more before giving up.
			System.out.println("[compose] not all healthy at the first wait, waiting once more: "
					+ ex.getMessage().lines().reduce((first, last) -> last).orElse(""));
			try {
				system.compose(Duration.ofMinutes(6), "up", "--wait", "--wait-timeout", "300");
			}
			catch (IllegalStateException again) {
				system.close();
				throw again;
			}
		}
		return system;
	}

	/** The public API, where the gateway (or order-service alone) publishes it. */
	HttpTestClient order() {
		return HttpTestClient.at("http://127.0.0.1:" + environment.get("ORDER_HOST_PORT"));
	}

	/**
	 * A running replica of the service, at its container's address, with this system's
	 * admin login.
	 */
	HttpTestClient admin(String service) {
		String container = containers(service).getFirst();
		return HttpTestClient.at("http://" + address(container) + ":" + PORTS.get(service))
			.as(environment.get("FOOD_ADMIN_USER"), environment.get("FOOD_ADMIN_PASSWORD"));
	}

	JdbcClient database(String service) {
		String url = "jdbc:postgresql://127.0.0.1:" + environment.get("POSTGRES_HOST_PORT") + "/"
				+ DATABASES.get(service);
		return JdbcClient.create(new DriverManagerDataSource(url, environment.get("POSTGRES_USER"),
				environment.get("POSTGRES_PASSWORD")));
	}

	/** The running containers of a compose service (its replicas), in a stable order. */
	List<String> containers(String service) {
		return compose(Duration.ofSeconds(30), "ps", "--status", "running", "--format", "{{.Name}}", service).lines()
			.filter(line -> !line.isBlank())
			.sorted()
			.toList();
	}

	void kill(String container) {
		docker(Duration.ofSeconds(30), "kill", "--signal", "KILL", container);
	}

	void pause(String container) {
		docker(Duration.ofSeconds(30), "pause", container);
	}

	void unpause(String container) {
		docker(Duration.ofSeconds(30), "unpause", container);
	}

	/**
	 * Starts a stopped (killed) container again and waits until its health check passes.
	 */
	void startAndAwaitHealthy(String container, Duration timeout) {
		docker(Duration.ofSeconds(60), "start", container);
		Instant deadline = Instant.now().plus(timeout);
		String health = "";
		while (Instant.now().isBefore(deadline)) {
			health = docker(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Health.Status}}", container)
				.strip();
			if (health.equals("healthy")) {
				return;
			}
			ChaosRun.pause(Duration.ofSeconds(1));
		}
		throw new IllegalStateException(
				container + " is not healthy " + timeout.toSeconds() + " s after its start: " + health);
	}

	/**
	 * Calls the broker's management API (the first node's) on the default virtual host,
	 * as the services' user.
	 */
	String management(String method, String collection, String name, String body) {
		String credentials = Base64.getEncoder()
			.encodeToString((environment.get("RABBITMQ_USER") + ":" + environment.get("RABBITMQ_PASSWORD"))
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + environment.get("RABBITMQ_UI_HOST_PORT") + "/api/" + collection
					+ "/%2F/" + name))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException("RabbitMQ answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the RabbitMQ management API: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps the containers' logs in target/compose-chaos/, then removes the project with
	 * its volumes.
	 */
	@Override
	public void close() {
		try {
			Files.writeString(WORK.resolve("compose.log"),
					compose(Duration.ofMinutes(2), "logs", "--no-color", "--timestamps"));
		}
		catch (IOException | IllegalStateException ex) {
			System.out.println("[compose] could not keep the logs: " + ex.getMessage());
		}
		compose(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans", "--timeout", "5");
	}

	private String address(String container) {
		return docker(Duration.ofSeconds(30), "inspect", "--format",
				"{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container)
			.strip();
	}

	private String compose(Duration timeout, String... arguments) {
		List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-name", PROJECT));
		files.forEach(file -> command.addAll(List.of("--file", file)));
		command.addAll(List.of(arguments));
		return run(timeout, command);
	}

	private String docker(Duration timeout, String... arguments) {
		List<String> command = new ArrayList<>(List.of("docker"));
		command.addAll(List.of(arguments));
		return run(timeout, command);
	}

	private String run(Duration timeout, List<String> command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			// Read while it runs: a full pipe would block the command.
			var output = new java.io.ByteArrayOutputStream();
			Thread reader = Thread.ofVirtual().start(() -> {
				try {
					process.getInputStream().transferTo(output);
				}
				catch (IOException ignored) {
					// the process went away; what was read is kept
				}
			});
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						String.join(" ", command) + " did not end within " + timeout.toSeconds() + " s");
			}
			reader.join();
			String text = output.toString(StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run docker (is the engine up, DOCKER_HOST set?): " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return String.valueOf(socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
