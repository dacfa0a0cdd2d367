package com.example.food.infrastructure.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where a test run works: a database and a RabbitMQ virtual host on the chosen servers,
 * and the admin login of the services under test. On the local servers it is the run's
 * own ({@link #create}), so that tests neither disturb nor are disturbed by a copy of the
 * system running there, and {@link #close()} removes it; in Testcontainers mode it is the
 * containers' own database and default virtual host ({@link Containers}).
 */
public final class TestWorkspace implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_USER = "test-admin";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

	/** A workspace's database or virtual host, or a further service database of one. */
	private static final Pattern WORKSPACE_NAME = Pattern.compile("food_test_.+_(\\d{12})_[0-9a-f]{6}(_[a-z0-9_]+)?");

	private final Servers servers;

	private final String database;

	private final String virtualHost;

	/** Random, so no password is written anywhere. */
	private final String adminPassword = UUID.randomUUID().toString();

	/** Further service databases (system tests run several), dropped with the rest. */
	private final List<String> serviceDatabases = new CopyOnWriteArrayList<>();

	private final HttpTestClient managementApi;

	TestWorkspace(Servers servers, String database, String virtualHost) {
		this.servers = servers;
		this.database = database;
		this.virtualHost = virtualHost;
		this.managementApi = HttpTestClient.at(servers.rabbit().managementUrl())
			.as(servers.rabbit().user(), servers.rabbit().password());
	}

	/**
	 * Creates a fresh database and virtual host named
	 * {@code food_test_<label>_<UTC minute>_<random>}. The time in the name lets
	 * {@link #removeAbandoned} recognise what a killed run left behind.
	 */
	static TestWorkspace create(Servers servers, String label, Instant createdAt) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String name = ("food_test_" + label + "_" + STAMP.format(createdAt) + "_" + suffix)
			.replaceAll("[^A-Za-z0-9_]", "_")
			.toLowerCase();
		TestWorkspace workspace = new TestWorkspace(servers, name, name);
		workspace.admin().sql("create database " + name).update();
		try {
			workspace.call("PUT", "/vhosts/" + encoded(name), "{}");
			workspace.call("PUT", "/permissions/" + encoded(name) + "/" + encoded(servers.rabbit().user()),
					"{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
		}
		catch (RuntimeException ex) {
			workspace.close(); // nothing half-made stays behind
			throw ex;
		}
		return workspace;
	}

	/**
	 * Removes the workspaces that runs killed before their clean-up (kill -9, a crashed
	 * JVM) left on the servers: every one created more than {@code olderThan} ago. No
	 * test runs that long.
	 */
	static void removeAbandoned(Servers servers, Duration olderThan) {
		TestWorkspace sweep = new TestWorkspace(servers, "postgres", "/");
		Instant cutoff = Instant.now().minus(olderThan);
		for (String name : sweep.admin().sql("select datname from pg_database").query(String.class).list()) {
			if (createdBefore(name, cutoff)) {
				System.out.println("[test-infrastructure] removing abandoned database " + name);
				sweep.dropDatabase(name);
			}
		}
		for (String name : JSON.readTree(sweep.call("GET", "/vhosts?columns=name", null)).findValuesAsString("name")) {
			if (createdBefore(name, cutoff)) {
				System.out.println("[test-infrastructure] removing abandoned virtual host " + name);
				sweep.send("DELETE", "/vhosts/" + encoded(name), null);
			}
		}
	}

	static boolean createdBefore(String name, Instant cutoff) {
		Matcher matcher = WORKSPACE_NAME.matcher(name);
		return matcher.matches() && STAMP.parse(matcher.group(1), Instant::from).isBefore(cutoff);
	}

	public Servers servers() {
		return servers;
	}

	public String database() {
		return database;
	}

	public String virtualHost() {
		return virtualHost;
	}

	public String jdbcUrl() {
		return servers.postgres().jdbcUrl(database);
	}

	/**
	 * The Spring properties that point a service at this workspace, with its admin login.
	 */
	public Map<String, String> springProperties() {
		Servers.Postgres pg = servers.postgres();
		Servers.Rabbit rabbit = servers.rabbit();
		Map<String, String> properties = new HashMap<>(adminLogin());
		properties.putAll(Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", pg.user(),
				"spring.datasource.password", pg.password(), "spring.rabbitmq.host", rabbit.host(),
				"spring.rabbitmq.port", String.valueOf(rabbit.amqpPort()), "spring.rabbitmq.username", rabbit.user(),
				"spring.rabbitmq.password", rabbit.password(), "spring.rabbitmq.virtual-host", virtualHost));
		return properties;
	}

	/** The admin login of every service under test, as Spring properties. */
	Map<String, String> adminLogin() {
		return Map.of("food.admin.user", ADMIN_USER, "food.admin.password", adminPassword);
	}

	public String adminUser() {
		return ADMIN_USER;
	}

	public String adminPassword() {
		return adminPassword;
	}

	/**
	 * A further database in this workspace, for one more service of a system test: each
	 * service keeps its own database, as in production. Returns its JDBC URL.
	 */
	public String createServiceDatabase(String service) {
		String name = database + "_" + service.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase();
		admin().sql("create database " + name).update();
		serviceDatabases.add(name);
		return servers.postgres().jdbcUrl(name);
	}

	/**
	 * Calls the broker's management API on this workspace's virtual host and returns the
	 * answer's body: {@code management("GET", "queues", "kitchen.events", null)} reads
	 * {@code /api/queues/<vhost>/kitchen.events};
	 * {@code ("POST", "exchanges", "food.events.dlx/publish", json)} publishes.
	 */
	public String management(String method, String collection, String name, String body) {
		return call(method, "/" + collection + "/" + encoded(virtualHost) + "/" + name, body);
	}

	boolean virtualHostExists() {
		return send("GET", "/vhosts/" + encoded(virtualHost), null).status() == 200;
	}

	/** Drops the databases (closing connections left open), deletes the virtual host. */
	@Override
	public void close() {
		serviceDatabases.forEach(this::dropDatabase);
		dropDatabase(database);
		quietly("delete virtual host " + virtualHost, () -> {
			int status = send("DELETE", "/vhosts/" + encoded(virtualHost), null).status();
			if (status / 100 != 2 && status != 404) {
				throw new IllegalStateException("HTTP " + status);
			}
		});
	}

	private void dropDatabase(String name) {
		// FORCE: a Spring context closed by another shutdown hook may still hold pooled
		// connections.
		quietly("drop database " + name,
				() -> admin().sql("drop database if exists " + name + " with (force)").update());
	}

	/** A step of the clean-up: a failure is reported and the clean-up goes on. */
	private static void quietly(String step, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			System.err.println("[test-infrastructure] could not " + step + ": " + ex.getMessage());
		}
	}

	/** The server's maintenance database, for creating and dropping the others. */
	private JdbcClient admin() {
		Servers.Postgres pg = servers.postgres();
		return JdbcClient.create(new DriverManagerDataSource(pg.jdbcUrl("postgres"), pg.user(), pg.password()));
	}

	/** A call of the management API that must succeed; returns the answer's body. */
	private String call(String method, String path, String body) {
		HttpTestClient.Response response = send(method, path, body);
		if (response.status() / 100 != 2) {
			throw new IllegalStateException(
					"RabbitMQ refused " + method + " " + path + ": HTTP " + response.status() + " " + response.body());
		}
		return response.body();
	}

	private HttpTestClient.Response send(String method, String path, String body) {
		try {
			return managementApi.send(method, path, body);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Cannot reach the RabbitMQ management API (" + ex.getMessage()
					+ "); it is needed to give each test run its own virtual host. On a local RabbitMQ: "
					+ "rabbitmq-plugins enable rabbitmq_management", ex);
		}
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
