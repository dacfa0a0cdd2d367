package com.example.food.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics as Prometheus scrapes them: the text of each service's
 * {@code /actuator/prometheus}, read with the admin login, while one order's saga runs
 * through the five processes. What is checked here is what the dashboard
 * (observability/grafana) and docs/metrics.md rely on.
 */
class MetricsIntegrationTests {

	private static final Duration SAGA_PATIENCE = Duration.ofSeconds(60);

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"kitchen-service", "delivery-service");

	/** One sample line: its name, its labels, its value (Prometheus' text format). */
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static SystemUnderTest system;

	@BeforeAll
	static void startTheSystem() {
		system = new SystemUnderTest();
		system.start(Map.of("inventory-service", Map.of()));
		system.start(Map.of("order-service", Map.of("food.inventory.url", system.service("inventory-service").url()),
				"payment-service", Map.of(), "kitchen-service", Map.of(), "delivery-service", Map.of()));
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void countsADeclinedPaymentOnceAndDrainsEveryOutbox() {
		Map<String, String> declined = Map.of("state", "CANCELLED", "reason", "PAYMENT_DECLINED");
		double outcomesBefore = value(scrape("order-service"), "food_saga_outcome_total", declined).orElseThrow();
		double timedBefore = value(scrape("order-service"), "food_saga_time_to_state_seconds_count",
				Map.of("state", "CANCELLED"))
			.orElseThrow();
		double callsBefore = inventoryCalls("successful_without_retry");

		UUID id = place("PASTA-CARBONARA", "tok_declined");

		await("order " + id + " cancelled").atMost(SAGA_PATIENCE).until(() -> "CANCELLED".equals(status(id)));
		await("the outcome counted").atMost(Duration.ofSeconds(10))
			.until(() -> value(scrape("order-service"), "food_saga_outcome_total", declined)
				.orElseThrow() > outcomesBefore);
		String order = scrape("order-service");
		assertThat(value(order, "food_saga_outcome_total", declined)).hasValue(outcomesBefore + 1);
		assertThat(value(order, "food_saga_time_to_state_seconds_count", Map.of("state", "CANCELLED")))
			.hasValue(timedBefore + 1);
		// The synchronous reservation: one call, answered
		// at the first attempt, the breaker closed.
		assertThat(inventoryCalls("successful_without_retry")).isEqualTo(callsBefore + 1);
		assertThat(value(order, "resilience4j_circuitbreaker_state", Map.of("name", "inventory", "state", "closed")))
			.hasValue(1.0);

		// order.placed, payment.failed and order.cancelled all leave their outboxes.
		for (String service : SERVICES) {
			await(service + "'s outbox drained").atMost(SAGA_PATIENCE)
				.until(() -> value(scrape(service), "food_outbox_backlog", Map.of()).orElseThrow() == 0.0);
			String scrape = scrape(service);
			assertThat(value(scrape, "food_outbox_oldest_age_seconds", Map.of())).as(service).hasValue(0.0);
			assertThat(value(scrape, "food_dead_letters",
					Map.of("queue", service.replace("-service", "") + ".events.dlq")))
				.as(service)
				.hasValue(0.0);
		}
	}

	@Test
	void showsTheMetricsOnlyToTheAdmin() {
		Response anonymous = system.service("order-service").http().get("/actuator/prometheus");

		assertThat(anonymous.status()).isEqualTo(401);
	}

	private static String scrape(String service) {
		Response response = system.service(service).http().asAdmin().get("/actuator/prometheus");
		assertThat(response.status()).as(service + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static double inventoryCalls(String kind) {
		return value(scrape("order-service"), "resilience4j_retry_calls_total",
				Map.of("name", "inventory", "kind", kind))
			.orElseThrow();
	}

	/**
	 * The value of the one sample named {@code name} whose labels include {@code labels}
	 * (others, such as application, may be there too); empty if there is none.
	 */
	static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
		List<Double> values = scrape.lines()
			.map(SAMPLE::matcher)
			.filter(Matcher::matches)
			.filter(sample -> sample.group(1).equals(name))
			.filter(sample -> labels(sample.group(2)).entrySet().containsAll(labels.entrySet()))
			.map(sample -> Double.parseDouble(sample.group(3)))
			.toList();
		assertThat(values).as("samples of %s%s", name, labels).hasSizeLessThanOrEqualTo(1);
		return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.getFirst());
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text != null) {
			Matcher label = LABEL.matcher(text);
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return labels;
	}

	private static UUID place(String sku, String token) {
		Response placed = system.service("order-service").http().postJson("/orders", """
				{"customerId": "c-metrics", "lines": [{"sku": "%s", "quantity": 1}],
				 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
				 "paymentToken": "%s"}""".formatted(sku, token));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		return UUID.fromString(placed.json().get("id").asString());
	}

	private static String status(UUID id) {
		return system.service("order-service").http().get("/orders/" + id).json().get("status").asString();
	}

}
