package com.example.food.infrastructure.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test run's own database and RabbitMQ virtual host on the given servers, so that tests
 * neither disturb nor are disturbed by a copy of the system running on the same servers.
 * {@link #close()} removes both.
 */
public final class TestWorkspace implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_USER = "test-admin";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

	/** A workspace's database or virtual host, or a further service database of one. */
	private static final Pattern WORKSPACE_NAME = Pattern.compile("food_test_.+_(\\d{12})_[0-9a-f]{6}(_[a-z0-9_]+)?");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Servers servers;

	private final String database;

	private final String virtualHost;

	/**
	 * The admin login of every service under test; random, so no password is written
	 * anywhere.
	 */
	private final String adminPassword = UUID.randomUUID().toString();

	/**
	 * Databases of further services in this workspace (system tests run several), dropped
	 * with it.
	 */
	private final List<String> serviceDatabases = new CopyOnWriteArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		// the management API closes an h2c upgrade request
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private TestWorkspace(Servers servers, String name) {
		this.servers = servers;
		this.database = name;
		this.virtualHost = name;
	}

	/**
	 * Creates a fresh database and virtual host named
	 * {@code food_test_<label>_<UTC minute>_<random>}. The time in the name lets
	 * {@link #removeAbandoned} recognise what a killed run left behind.
	 */
	public static TestWorkspace create(Servers servers, String label) {
		return create(servers, label, Instant.now());
	}

	static TestWorkspace create(Servers servers, String label, Instant createdAt) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String name = ("food_test_" + label + "_" + STAMP.format(createdAt) + "_" + suffix)
			.replaceAll("[^A-Za-z0-9_]", "_")
			.toLowerCase();
		TestWorkspace workspace = new TestWorkspace(servers, name);
		workspace.createDatabase();
		try {
			workspace.createVirtualHost();
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
	public static void removeAbandoned(Servers servers, Duration olderThan) {
		TestWorkspace admin = new TestWorkspace(servers, "food_test_sweep");
		Instant cutoff = Instant.now().minus(olderThan);
		List<String> databases;
		try (Connection c = admin.adminConnection();
				var statement = c.createStatement();
				var rows = statement.executeQuery("select datname from pg_database where datname like 'food_test_%'")) {
			databases = new ArrayList<>();
			while (rows.next()) {
				databases.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot list databases on PostgreSQL at " + admin.where(), ex);
		}
		databases.stream().filter(name -> createdBefore(name, cutoff)).forEach(name -> {
			System.out.println("[test-infrastructure] removing abandoned database " + name);
			admin.dropDatabase(name);
		});
		JsonNode vhosts = JSON.readTree(admin.send("GET", "/vhosts?columns=name", null).body());
		vhosts.findValuesAsString("name").stream().filter(name -> createdBefore(name, cutoff)).forEach(name -> {
			System.out.println("[test-infrastructure] removing abandoned virtual host " + name);
			admin.send("DELETE", "/vhosts/" + encoded(name), null);
		});
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

	/** The Spring properties that point a service at this workspace. */
	public Map<String, String> springProperties() {
		Servers.Postgres pg = servers.postgres();
		Servers.Rabbit rabbit = servers.rabbit();
		return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", pg.user(),
				"spring.datasource.password", pg.password(), "spring.rabbitmq.host", rabbit.host(),
				"spring.rabbitmq.port", String.valueOf(rabbit.amqpPort()), "spring.rabbitmq.username", rabbit.user(),
				"spring.rabbitmq.password", rabbit.password(), "spring.rabbitmq.virtual-host", virtualHost,
				"food.admin.user", ADMIN_USER, "food.admin.password", adminPassword);
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
		execute("create database " + name);
		serviceDatabases.add(name);
		return servers.postgres().jdbcUrl(name);
	}

	public boolean databaseExists() {
		try (Connection c = adminConnection();
				var statement = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			statement.setString(1, database);
			return statement.executeQuery().next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot query PostgreSQL at " + where(), ex);
		}
	}

	public boolean virtualHostExists() {
		return send("GET", "/vhosts/" + encoded(virtualHost), null).statusCode() == 200;
	}

	/**
	 * Drops the database (closing any connection left open) and deletes the virtual host.
	 */
	@Override
	public void close() {
		for (String name : serviceDatabases) {
			dropDatabase(name);
		}
		dropDatabase(database);
		try {
			int status = send("DELETE", "/vhosts/" + encoded(virtualHost), null).statusCode();
			if (status != 204 && status != 404) {
				System.err
					.println("[test-infrastructure] could not delete virtual host " + virtualHost + ": HTTP " + status);
			}
		}
		catch (IllegalStateException ex) {
			System.err
				.println("[test-infrastructure] could not delete virtual host " + virtualHost + ": " + ex.getMessage());
		}
	}

	private void createDatabase() {
		execute("create database " + database);
	}

	private void dropDatabase(String name) {
		try (Connection c = adminConnection(); var statement = c.createStatement()) {
			// FORCE: a Spring context closed by another
			// shutdown hook may still hold pooled connections.
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("[test-infrastructure] could not drop database " + name + ": " + ex.getMessage());
		}
	}

	private void execute(String sql) {
		try (Connection c = adminConnection(); var statement = c.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + where() + " refused '" + sql + "': " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Calls the broker's management API on this workspace's virtual host and returns the
	 * answer's body: {@code management("GET", "queues", "kitchen.events", null)} reads
	 * {@code /api/queues/<vhost>/kitchen.events};
	 * {@code ("POST", "exchanges", "food.events.dlx/publish", json)} publishes.
	 */
	public String management(String method, String collection, String name, String body) {
		HttpResponse<String> response = send(method, "/" + collection + "/" + encoded(virtualHost) + "/" + name, body);
		expectSuccess(response, method + " " + collection + "/" + name);
		return response.body();
	}

	private void createVirtualHost() {
		Servers.Rabbit rabbit = servers.rabbit();
		expectSuccess(send("PUT", "/vhosts/" + encoded(virtualHost), "{}"), "create virtual host " + virtualHost);
		expectSuccess(
				send("PUT", "/permissions/" + encoded(virtualHost) + "/" + encoded(rabbit.user()),
						"{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"),
				"grant " + rabbit.user() + " access to " + virtualHost);
	}

	private Connection adminConnection() throws SQLException {
		Servers.Postgres pg = servers.postgres();
		return DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
	}

	private String where() {
		return servers.postgres().host() + ":" + servers.postgres().port();
	}

	private HttpResponse<String> send(String method, String path, String body) {
		Servers.Rabbit rabbit = servers.rabbit();
		String credentials = Base64.getEncoder()
			.encodeToString((rabbit.user() + ":" + rabbit.password()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(rabbit.managementUrl() + path))
			.timeout(TIMEOUT)
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot reach the RabbitMQ management API at " + rabbit.managementUrl()
					+ " (" + ex + "); it is needed to give each test run its own virtual host. On a local RabbitMQ: "
					+ "rabbitmq-plugins enable rabbitmq_management", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling RabbitMQ", ex);
		}
	}

	private static void expectSuccess(HttpResponse<String> response, String what) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"RabbitMQ refused to " + what + ": HTTP " + response.statusCode() + " " + response.body());
		}
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
