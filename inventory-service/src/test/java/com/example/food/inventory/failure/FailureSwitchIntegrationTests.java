package com.example.food.inventory.failure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The teaching switch: each failure a remote call can meet, on demand. A lost response is
 * held back 1 s here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "food.failures.lost-response-delay=1s")
@WithRealInfrastructure
class FailureSwitchIntegrationTests {

	private static final Duration LOST_RESPONSE_DELAY = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestStock stock() {
		return new TestStock(jdbc);
	}

	HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	HttpTestClient admin() {
		return HttpTestClient.on(port).asAdmin();
	}

	@AfterEach
	void switchFailuresOff() {
		admin().delete("/admin/failures");
	}

	@Test
	void failsTheNextRequestsWith503WithoutReservingAnything() {
		String sku = stock().newProduct(10);
		UUID firstOrder = UUID.randomUUID();
		UUID secondOrder = UUID.randomUUID();
		admin().putJson("/admin/failures", """
				{"failNext": 2}""");

		Response first = http().postJson("/reservations", reservation(firstOrder, sku, 1));
		Response second = http().postJson("/reservations", reservation(secondOrder, sku, 1));
		Response retry = http().postJson("/reservations", reservation(firstOrder, sku, 1));

		assertProblem(first, 503, "inventory-failure-injected");
		assertProblem(second, 503, "inventory-failure-injected");
		assertThat(stock().reservationsOf(secondOrder)).isZero();
		assertThat(retry.status()).as("a retry after the failures reserves").isEqualTo(201);
		assertThat(stock().of(sku).reserved()).isEqualTo(1);
		assertThat(admin().get("/admin/failures").json().get("failNext").asInt()).isZero();
	}

	@Test
	void failsEveryRequestAtAnErrorRateOfOne() {
		String sku = stock().newProduct(10);
		admin().putJson("/admin/failures", """
				{"errorRate": 1.0}""");

		Response response = http().postJson("/reservations", reservation(UUID.randomUUID(), sku, 1));

		assertProblem(response, 503, "inventory-failure-injected");
		assertThat(stock().of(sku).reserved()).isZero();
	}

	@Test
	void delaysEachReservationByTheLatency() {
		String sku = stock().newProduct(10);
		admin().putJson("/admin/failures", """
				{"latencyMs": 300}""");

		long started = System.nanoTime();
		Response response = http().postJson("/reservations", reservation(UUID.randomUUID(), sku, 1));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.status()).isEqualTo(201);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void holdsBackTheResponseOfACommittedReservation() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		admin().putJson("/admin/failures", """
				{"loseNextResponses": 1}""");

		long started = System.nanoTime();
		Response late = http().postJson("/reservations", reservation(orderId, sku, 2));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Response repeat = http().postJson("/reservations", reservation(orderId, sku, 2));

		assertThat(late.status()).isEqualTo(201);
		assertThat(took).isGreaterThanOrEqualTo(LOST_RESPONSE_DELAY);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json()).isEqualTo(late.json());
		assertThat(stock().of(sku).reserved()).isEqualTo(2);
		assertThat(admin().get("/admin/failures").json().get("loseNextResponses").asInt()).isZero();
	}

	@Test
	void letsAClientThatGaveUpFindItsReservationOnRetry() throws Exception {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		admin().putJson("/admin/failures", """
				{"loseNextResponses": 1}""");
		HttpRequest withShortTimeout = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reservations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(reservation(orderId, sku, 2)))
			.timeout(LOST_RESPONSE_DELAY.dividedBy(2))
			.build();

		try (HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			assertThatExceptionOfType(HttpTimeoutException.class)
				.isThrownBy(() -> impatient.send(withShortTimeout, HttpResponse.BodyHandlers.ofString()));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> stock().reservationsOf(orderId) == 1);
		Response retry = http().postJson("/reservations", reservation(orderId, sku, 2));

		assertThat(retry.status()).as("the retry finds what the timed-out attempt reserved").isEqualTo(200);
		assertThat(retry.json().get("status").asString()).isEqualTo("RESERVED");
		assertThat(stock().of(sku).reserved()).isEqualTo(2);
	}

	@Test
	void replacesAllSettingsOnPutAndSwitchesThemOffOnDelete() {
		Response set = admin().putJson("/admin/failures", """
				{"latencyMs": 5, "failNext": 1, "errorRate": 0.25, "loseNextResponses": 3}""");
		Response replaced = admin().putJson("/admin/failures", """
				{"failNext": 4}""");
		Response invalid = admin().putJson("/admin/failures", """
				{"errorRate": 1.5, "failNext": -1}""");
		Response off = admin().delete("/admin/failures");

		assertThat(set.json().get("errorRate").asDouble()).isEqualTo(0.25);
		assertThat(replaced.json().get("failNext").asInt()).isEqualTo(4);
		assertThat(replaced.json().get("errorRate").asDouble()).isZero();
		assertThat(replaced.json().get("loseNextResponses").asInt()).isZero();
		assertProblem(invalid, 400, "invalid-request");
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("errorRate",
				"failNext");
		assertThat(off.json().get("failNext").asInt()).isZero();
		assertThat(admin().get("/admin/failures").json().get("failNext").asInt()).isZero();
	}

	@Test
	void keepsTheSwitchForTheAdmin() {
		assertThat(http().get("/admin/failures").status()).isEqualTo(401);
		assertThat(http().putJson("/admin/failures", """
				{"failNext": 1}""").status()).isEqualTo(401);
		assertThat(http().delete("/admin/failures").status()).isEqualTo(401);
		assertThat(admin().get("/admin/failures").json().get("failNext").asInt()).isZero();
	}

}
