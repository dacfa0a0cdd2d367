package com.example.food.order;

import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Inventory's {@code POST /reservations} as a real HTTP server on a free port (WireMock),
 * answering what a test tells it to and recording every request it received, with its
 * time.
 */
public final class InventoryStub {

	public static final String RESERVATIONS = "/reservations";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String TYPE_BASE = "https://food.example/problems/";

	private final WireMockServer server;

	InventoryStub() {
		this.server = new WireMockServer(options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "inventory-stub-stop"));
	}

	public String url() {
		return server.baseUrl();
	}

	public void reset() {
		server.resetAll();
	}

	/** Reserves 2 x PIZZA-MARGHERITA at 9.50, for whatever order id it is asked about. */
	public void reserves() {
		answer(reserved(201));
	}

	/**
	 * Reserves as {@link #reserves()}, each answer after {@code millis}: a stub without
	 * scenario states, for concurrent requests (WireMock does not switch a scenario's
	 * state atomically, so a request that arrives while another switches it may match
	 * neither stub).
	 */
	public void reservesAfter(int millis) {
		answer(reservedAfter(millis));
	}

	/** Answers 409 stock-insufficient naming {@code sku} as short. */
	public void hasNotEnoughStockOf(String sku) {
		answer(aResponse().withStatus(409).withHeader("Content-Type", PROBLEM_JSON).withBody("""
				{"type": "%sstock-insufficient", "title": "Stock insufficient", "status": 409,
				 "shortages": [{"sku": "%s", "requested": 2, "available": 1}]}""".formatted(TYPE_BASE, sku)));
	}

	/** Answers 422 unknown-product naming {@code sku}. */
	public void doesNotKnow(String sku) {
		answer(aResponse().withStatus(422)
			.withHeader("Content-Type", PROBLEM_JSON)
			.withBody("""
					{"type": "%sunknown-product", "title": "Unknown product", "status": 422, "skus": ["%s"]}"""
				.formatted(TYPE_BASE, sku)));
	}

	/** Answers every request with this status and a problem detail. */
	public void answers(int status) {
		answer(aResponse().withStatus(status)
			.withHeader("Content-Type", PROBLEM_JSON)
			.withBody("""
					{"type": "%sinventory-failure-injected", "title": "Failure", "status": %d}""".formatted(TYPE_BASE,
					status)));
	}

	/**
	 * Resets the connection without answering, as a crashed or unreachable server would.
	 */
	public void dropsConnections() {
		answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
	}

	/** Answers the first request with {@code first}, every later one by reserving. */
	public void firstThenReserves(ResponseDefinitionBuilder first) {
		String answered = "first answered";
		server.stubFor(post(urlEqualTo(RESERVATIONS)).inScenario("first")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo(answered));
		server.stubFor(post(urlEqualTo(RESERVATIONS)).inScenario("first")
			.whenScenarioStateIs(answered)
			.willReturn(reserved(201)));
	}

	/**
	 * Reserves, but only after {@code millis}: longer than the client's read timeout
	 * makes it time out.
	 */
	public static ResponseDefinitionBuilder reservedAfter(int millis) {
		return reserved(201).withFixedDelay(millis);
	}

	/**
	 * A reservation whose headers come at once and whose body comes in two halves,
	 * {@code millis} apart.
	 */
	public static ResponseDefinitionBuilder reservedWithBodyOver(int millis) {
		return reserved(201).withChunkedDribbleDelay(2, millis);
	}

	public static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status).withHeader("Content-Type", PROBLEM_JSON).withBody("""
				{"type": "%stoo-many-requests", "title": "Failure", "status": %d}""".formatted(TYPE_BASE, status));
	}

	/** The reservation requests received, oldest first. */
	public List<LoggedRequest> reservationRequests() {
		return server.findAll(postRequestedFor(urlEqualTo(RESERVATIONS)))
			.stream()
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
	}

	public int reservationCalls() {
		return reservationRequests().size();
	}

	private void answer(ResponseDefinitionBuilder response) {
		server.stubFor(post(urlEqualTo(RESERVATIONS)).willReturn(response));
	}

	private static ResponseDefinitionBuilder reserved(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"orderId": "{{jsonPath request.body '$.orderId'}}", "status": "RESERVED",
							 "lines": [{"sku": "PIZZA-MARGHERITA", "name": "Pizza Margherita", "quantity": 2, "unitPrice": 9.50}],
							 "createdAt": "2026-01-01T12:00:00Z", "expiresAt": "2026-01-01T12:15:00Z"}""")
			.withTransformers("response-template");
	}

}
