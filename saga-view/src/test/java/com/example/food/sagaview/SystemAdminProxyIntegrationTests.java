package com.example.food.sagaview;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentRefunded;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.TestInfrastructure;
import com.example.food.infrastructure.testsupport.TestWorkspace;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.sagaview.testapp.SagaViewTestApplication;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga view's admin proxy over real HTTP. A bare service with the saga view
 * ({@link SagaViewTestApplication}) runs on a real PostgreSQL and RabbitMQ and is its own
 * "order" peer, so the dead letters, the switch and the replay it reaches are real: the
 * shared infrastructure's, as at order-service. The others: inventory and payment are
 * WireMock (one server, a path prefix each), delivery is WireMock answering slower than
 * the read timeout, and kitchen is a port nobody listens on.
 */
@SpringBootTest(classes = SagaViewTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { SagaViewTestApplication.DEFAULTS, SagaViewTestApplication.NAME, "food.services.read-timeout=1s",
				"food.services.connect-timeout=500ms" })
@WithRealInfrastructure
class SystemAdminProxyIntegrationTests {

	private static final int PORT = freePort();

	private static final int NOBODY_LISTENS = freePort();

	private static final WireMockServer peers = new WireMockServer(options().dynamicPort());

	private static final String PAYMENT_LETTER = """
			[{"id": "6f1c1d2e-0000-4000-8000-000000000001", "eventId": "e-1", "originalRoutingKey": "order.cancelled",
			  "reason": "FAILED_AFTER_RETRIES", "exception": "boom", "attempts": 4,
			  "deadLetteredAt": "2030-01-01T12:00:00Z"}]""";

	static {
		peers.start();
		Runtime.getRuntime().addShutdownHook(new Thread(peers::stop, "peers-stop"));
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("food.services.order.url", () -> "http://localhost:" + PORT);
		registry.add("food.services.inventory.url", () -> peers.baseUrl() + "/inventory");
		registry.add("food.services.payment.url", () -> peers.baseUrl() + "/payment");
		registry.add("food.services.kitchen.url", () -> "http://localhost:" + NOBODY_LISTENS);
		registry.add("food.services.delivery.url", () -> peers.baseUrl() + "/delivery");
	}

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	JdbcTemplate jdbc;

	private EventProbe bus;

	private static boolean warmedUp;

	@BeforeEach
	void peersAnswer() {
		warmUpOnce();
		jdbc.execute("truncate dead_letter");
		peers.resetAll();
		peers.stubFor(get("/inventory/products").willReturn(
				okJson("""
						[{"sku": "LASAGNA", "name": "Lasagna al Forno", "price": 12.00, "available": 50, "onHand": 50, "reserved": 0}]""")));
		peers.stubFor(get("/inventory/admin/dead-letters").willReturn(aResponse().withStatus(500)));
		peers.stubFor(get("/payment/admin/dead-letters").willReturn(okJson(PAYMENT_LETTER)));
		peers.stubFor(get("/delivery/admin/dead-letters").willReturn(okJson("[]").withFixedDelay(3000)));
		peers.stubFor(post("/delivery/admin/couriers/empty").willReturn(okJson("[]")));
		bus = EventProbe.on(connectionFactory);
	}

	@AfterEach
	void switchOff() {
		admin().delete("/admin/handler-failures");
		bus.close();
	}

	@Test
	void requiresTheAdminLogin() {
		UUID id = UUID.randomUUID();

		assertThat(anonymous().get("/admin/system/dead-letters").status()).isEqualTo(401);
		assertThat(anonymous().postJson("/admin/system/dead-letters/order/" + id + "/replay", "").status())
			.isEqualTo(401);
		assertThat(anonymous().delete("/admin/system/dead-letters/order/" + id).status()).isEqualTo(401);
		assertThat(anonymous().get("/admin/system/order/handler-failures").status()).isEqualTo(401);
		assertThat(anonymous().as(workspace().adminUser(), "wrong").get("/admin/system/dead-letters").status())
			.isEqualTo(401);
		peers.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void listsTheDeadLettersOfEveryServiceTaggedWithItsServiceAndShowsTheOthersAsTheyAre() {
		UUID letter = deadLetterAtOrder();

		Response response = admin().get("/admin/system/dead-letters");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode services = response.json().get("services");
		assertThat(list(services).stream().map(s -> s.get("service").asString())).containsExactly("order", "inventory",
				"payment", "kitchen", "delivery");
		assertThat(service(services, "order").get("reachable").asBoolean()).isTrue();
		assertThat(service(services, "order").get("deadLetters").asInt()).isEqualTo(1);
		assertThat(service(services, "payment").get("deadLetters").asInt()).isEqualTo(1);
		assertThat(service(services, "inventory").get("problem").asString()).isEqualTo("answered 500");
		assertThat(service(services, "kitchen").get("reachable").asBoolean()).isFalse();
		assertThat(service(services, "kitchen").get("problem").asString()).contains("connection refused");
		assertThat(service(services, "delivery").get("reachable").asBoolean()).isFalse();
		assertThat(service(services, "delivery").get("problem").asString()).contains("no answer within 1000 ms");

		List<JsonNode> letters = list(response.json().get("deadLetters"));
		assertThat(letters).extracting(l -> l.get("service").asString() + " " + l.get("originalRoutingKey").asString())
			// newest first
			.containsExactly("payment order.cancelled", "order payment.refunded");
		assertThat(letters.get(1).get("id").asString()).isEqualTo(letter.toString());
		assertThat(letters.get(1).get("reason").asString()).isEqualTo("POISON");
		// Each service was asked with the caller's own login.
		peers.verify(getRequestedFor(urlEqualTo("/payment/admin/dead-letters")).withHeader("Authorization",
				equalTo(basic(workspace().adminUser(), workspace().adminPassword()))));
	}

	@Test
	void givesUpOnASlowServiceAfterTheReadTimeout() {
		long started = System.nanoTime();

		Response response = admin().get("/admin/system/dead-letters");

		// Delivery would answer after 3 s; the page
		// gets the list after the 1 s read timeout.
		assertThat(response.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
	}

	@Test
	void replaysADeadLetterAtTheServiceItBelongsTo() {
		UUID letter = deadLetterAtOrder();

		Response replayed = admin().postJson("/admin/system/dead-letters/order/" + letter + "/replay", "");

		assertThat(replayed.status()).as(replayed.body()).isEqualTo(202);
		assertThat(replayed.json().get("replayed").asString()).isEqualTo(letter.toString());
		// The switch fired once; the replayed event is
		// handled this time, so nothing comes back.
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> ownDeadLetters().isEmpty());
	}

	@Test
	void discardsADeadLetterAndForwardsTheServicesProblemForOneThatIsGone() {
		UUID letter = deadLetterAtOrder();

		Response discarded = admin().delete("/admin/system/dead-letters/order/" + letter);
		Response again = admin().delete("/admin/system/dead-letters/order/" + letter);

		assertThat(discarded.status()).isEqualTo(204);
		assertThat(ownDeadLetters()).isEmpty();
		assertProblem(again, 404, "dead-letter-not-found");
	}

	@Test
	void forwardsTheAllowedSwitchesWithTheirBodies() {
		Response on = admin().putJson("/admin/system/order/handler-failures",
				"{\"routingKey\": \"payment.refunded\", \"transientFailures\": 3}");
		Response emptied = admin().postJson("/admin/system/delivery/couriers/empty", "");

		assertThat(on.status()).as(on.body()).isEqualTo(200);
		assertThat(on.json().get("transientFailures").asInt()).isEqualTo(3);
		assertThat(admin().get("/admin/handler-failures").json().get("routingKey").asString())
			.isEqualTo("payment.refunded");
		assertThat(emptied.status()).isEqualTo(200);
		peers.verify(postRequestedFor(urlEqualTo("/delivery/admin/couriers/empty")));
	}

	@Test
	void refusesEverythingNotOnTheAllowList() {
		assertProblem(admin().get("/admin/system/billing/handler-failures"), 404, "unknown-service");
		assertProblem(admin().postJson("/admin/system/dead-letters/billing/" + UUID.randomUUID() + "/replay", ""), 404,
				"unknown-service");
		assertProblem(admin().postJson("/admin/system/payment/couriers/empty", ""), 404, "admin-call-not-allowed");
		assertProblem(admin().postJson("/admin/system/kitchen/kitchen/unavailable-skus", "[]"), 404,
				"admin-call-not-allowed");
		assertProblem(admin().get("/admin/system/inventory/failures"), 404, "admin-call-not-allowed");
		assertProblem(admin().get("/admin/system/order/dead-letters"), 404, "admin-call-not-allowed");
		assertProblem(admin().postJson("/admin/system/dead-letters/order/not-a-uuid/replay", ""), 400,
				"invalid-request");
		peers.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void showsAServiceThatIsDownAsUnreachable() {
		assertProblem(admin().get("/admin/system/kitchen/kitchen/unavailable-skus"), 502, "service-unreachable");
	}

	@Test
	void servesTheMenuAndThePageToEveryone() {
		Response products = anonymous().get("/saga-view/products");
		Response page = anonymous().get("/saga-view/");

		assertThat(products.status()).isEqualTo(200);
		assertThat(products.json().get(0).get("sku").asString()).isEqualTo("LASAGNA");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Saga view");
		assertThat(anonymous().get("/saga-view/saga-view.js").status()).isEqualTo(200);
	}

	@Test
	void showsWhatEachParticipantKeepsAboutAnOrderAsItsServiceAnsweredToEveryone() {
		UUID orderId = UUID.randomUUID();
		peers.stubFor(get("/inventory/reservations/" + orderId)
			.willReturn(okJson("{\"orderId\": \"" + orderId + "\", \"status\": \"COMMITTED\"}")));
		peers.stubFor(get(urlEqualTo("/payment/payments?orderId=" + orderId)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\": \"https://food.example/problems/payment-not-found\", \"status\": 404}")));
		peers.stubFor(get(urlEqualTo("/delivery/deliveries?orderId=" + orderId))
			.willReturn(okJson("{}").withFixedDelay(3000)));

		Response response = anonymous().get("/saga-view/orders/" + orderId + "/participants");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> participants = list(response.json());
		assertThat(participants).extracting(p -> p.get("service").asString() + " " + p.get("record").asString())
			.containsExactly("inventory reservation", "payment payment", "kitchen ticket", "delivery delivery");
		JsonNode inventory = participants.get(0);
		assertThat(inventory.get("status").asInt()).isEqualTo(200);
		assertThat(inventory.get("state").get("status").asString()).isEqualTo("COMMITTED");
		JsonNode payment = participants.get(1);
		assertThat(payment.get("reachable").asBoolean()).isTrue();
		assertThat(payment.get("status").asInt()).isEqualTo(404);
		assertThat(payment.get("problem").asString()).isEqualTo("no payment for this order (not yet, or never)");
		JsonNode kitchen = participants.get(2);
		assertThat(kitchen.get("reachable").asBoolean()).isFalse();
		assertThat(kitchen.get("problem").asString()).contains("connection refused");
		JsonNode delivery = participants.get(3);
		assertThat(delivery.get("reachable").asBoolean()).isFalse();
		assertThat(delivery.get("problem").asString()).contains("no answer within 1000 ms");
	}

	@Test
	void refusesAParticipantsRequestForSomethingThatIsNotAnOrderId() {
		assertProblem(anonymous().get("/saga-view/orders/not-an-id/participants"), 400, "invalid-request");
		assertThat(peers.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	// The first call through the proxy loads and links the HTTP client's
	// classes, which on a busy machine can take longer than the shortened
	// read timeout: done once, before any test counts calls or measures
	// time (the answer, WireMock's 404 before any stub, does not matter).
	private static void warmUpOnce() {
		if (!warmedUp) {
			anonymous().get("/saga-view/products");
			warmedUp = true;
		}
	}

	/**
	 * A real dead letter at the "order" peer: its handler failure switch makes the next
	 * payment.refunded poison.
	 */
	private UUID deadLetterAtOrder() {
		Response on = admin().putJson("/admin/system/order/handler-failures",
				"{\"routingKey\": \"payment.refunded\", \"poison\": true}");
		assertThat(on.status()).as(on.body()).isEqualTo(200);
		bus.publish(
				EventEnvelope.of(new PaymentRefunded(UUID.randomUUID(), new BigDecimal("9.50")), UUID.randomUUID()));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ownDeadLetters().size() == 1);
		return UUID.fromString(ownDeadLetters().getFirst().get("id").asString());
	}

	/** The "order" peer's own list, without the proxy. */
	private List<JsonNode> ownDeadLetters() {
		return list(admin().get("/admin/dead-letters").json());
	}

	private static JsonNode service(JsonNode services, String name) {
		return list(services).stream().filter(s -> s.get("service").asString().equals(name)).findFirst().orElseThrow();
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static HttpTestClient anonymous() {
		return HttpTestClient.on(PORT);
	}

	private static HttpTestClient admin() {
		return anonymous().asAdmin();
	}

	private static TestWorkspace workspace() {
		return TestInfrastructure.workspace();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
