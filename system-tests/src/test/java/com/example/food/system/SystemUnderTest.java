package com.example.food.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.example.food.infrastructure.testsupport.TestInfrastructure;
import com.example.food.infrastructure.testsupport.TestWorkspace;

/**
 * Some or all of the five services, each as its own process with its own database, all on
 * the test run's RabbitMQ virtual host: the system as it runs in production, on one
 * machine.
 */
final class SystemUnderTest implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	/** Numbers the systems of one test run, so that each gets databases of its own. */
	private static final AtomicInteger SYSTEMS = new AtomicInteger();

	private final TestWorkspace workspace = TestInfrastructure.workspace();

	private final int number = SYSTEMS.incrementAndGet();

	private final Map<String, LocalService> services = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<String, String> databases = new HashMap<>();

	// Where the services reach PostgreSQL, when not straight
	// (a proxy the test controls); the test reads directly.
	private String databaseAddress;

	/**
	 * Starts the services (all at once: on a small machine their start-ups overlap) and
	 * waits until each is ready. {@code properties} are per service, on top of the
	 * workspace's addresses.
	 */
	SystemUnderTest start(Map<String, Map<String, String>> properties) {
		properties.keySet()
			.forEach(name -> databases.put(name,
					workspace.createServiceDatabase(name.replace("-service", "") + number)));
		properties.forEach((name, own) -> services.put(name, LocalService.start(name, settings(name, own))));
		CompletableFuture
			.allOf(services.values()
				.stream()
				.map(service -> CompletableFuture.runAsync(() -> service.awaitReady(START_TIMEOUT)))
				.toArray(CompletableFuture[]::new))
			.join();
		return this;
	}

	/**
	 * The services reach PostgreSQL at this host and port (a proxy in front of it)
	 * instead of its own address; call before {@link #start}. The test's own reads go
	 * straight to the server.
	 */
	SystemUnderTest reachingTheDatabaseAt(String host, int port) {
		this.databaseAddress = host + ":" + port;
		return this;
	}

	/**
	 * Starts a service again (after {@link LocalService#stop()} or
	 * {@link LocalService#kill()}), with the same port, database and settings, so that
	 * its callers find it where it was.
	 */
	LocalService restart(String name, Map<String, String> own) {
		LocalService previous = services.get(name);
		int port = previous == null ? 0 : previous.port();
		LocalService started = port == 0 ? LocalService.start(name, settings(name, own))
				: LocalService.start(name, port, settings(name, own));
		LocalService service = started.awaitReady(START_TIMEOUT);
		services.put(name, service);
		return service;
	}

	LocalService service(String name) {
		return services.get(name);
	}

	JdbcClient database(String service) {
		return JdbcClient.create(new DriverManagerDataSource(databases.get(service),
				workspace.servers().postgres().user(), workspace.servers().postgres().password()));
	}

	TestWorkspace workspace() {
		return workspace;
	}

	private Map<String, String> settings(String name, Map<String, String> own) {
		Map<String, String> settings = new HashMap<>(workspace.springProperties());
		String url = databases.get(name);
		if (databaseAddress != null) {
			url = url.replaceFirst("//[^/]+/", "//" + databaseAddress + "/");
		}
		settings.put("spring.datasource.url", url);
		settings.putAll(own);
		return settings;
	}

	@Override
	public void close() {
		List.copyOf(services.values()).forEach(LocalService::stop);
	}

}
