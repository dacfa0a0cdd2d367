package com.example.food.infrastructure.testsupport;

/**
 * Where the tests find a PostgreSQL and a RabbitMQ (with its management API): either
 * containers started by Testcontainers or servers already running on this machine.
 */
public record Servers(Postgres postgres, Rabbit rabbit) {

	public record Postgres(String host, int port, String user, String password) {

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + host + ":" + port + "/" + database;
		}
	}

	public record Rabbit(String host, int amqpPort, int managementPort, String user, String password) {

		String managementUrl() {
			return "http://" + host + ":" + managementPort + "/api";
		}
	}

	/**
	 * The local servers, as the environment names them (defaults: this machine's standard
	 * ports).
	 */
	static Servers local() {
		return new Servers(
				new Postgres(env("FOOD_TEST_POSTGRES_HOST", "127.0.0.1"),
						Integer.parseInt(env("FOOD_TEST_POSTGRES_PORT", "5432")),
						env("FOOD_TEST_POSTGRES_USER", "postgres"), env("FOOD_TEST_POSTGRES_PASSWORD", "")),
				new Rabbit(env("FOOD_TEST_RABBITMQ_HOST", "127.0.0.1"),
						Integer.parseInt(env("FOOD_TEST_RABBITMQ_PORT", "5672")),
						Integer.parseInt(env("FOOD_TEST_RABBITMQ_MANAGEMENT_PORT", "15672")),
						env("FOOD_TEST_RABBITMQ_USER", "guest"), env("FOOD_TEST_RABBITMQ_PASSWORD", "guest")));
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
