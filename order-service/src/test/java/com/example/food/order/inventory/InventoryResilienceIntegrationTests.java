package com.example.food.order.inventory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.food.events.CancellationReason;
import com.example.food.events.OrderCancelled;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.InventoryStub;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The synchronous step's failure modes, against a real HTTP stub of inventory: timeouts,
 * retries with growing pauses on transient failures only, and the circuit breaker.
 * Settings are the shortened ones of {@link OrderServiceIntegrationTestSupport}.
 */
class InventoryResilienceIntegrationTests extends OrderServiceIntegrationTestSupport {

	/**
	 * A read timeout before the answer's headers, or in the middle of its body (the
	 * status and headers came in time, the body did not): Feign reads a small body whole
	 * before decoding it, so both strike in the call and are a RetryableException,
	 * retried and counted by the breaker.
	 */
	static Stream<Arguments> slowAnswers() {
		return Stream.of(Arguments.of("before the headers", InventoryStub.reservedAfter(READ_TIMEOUT_MS * 3)),
				Arguments.of("in the middle of the body", InventoryStub.reservedWithBodyOver(READ_TIMEOUT_MS * 3)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("slowAnswers")
	void retriesAReadTimeoutAndPlacesTheOrderOnce(String when, ResponseDefinitionBuilder slowAnswer) {
		inventory.firstThenReserves(slowAnswer);

		Response response = placeOrder(ORDER);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(inventory.reservationCalls()).isEqualTo(2);
		assertThat(orderRows()).isEqualTo(1);
		assertThat(sameOrderIdIn(inventory.reservationRequests())).isEqualTo(orderId(response));
	}

	@Test
	void retriesServerErrorsWithGrowingPausesThenCancelsTheOrder() {
		inventory.answers(503);

		Response response = placeOrder(ORDER);

		assertProblem(response, 503, "inventory-unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("2");
		UUID orderId = UUID.fromString(response.json().get("orderId").asString());

		List<LoggedRequest> calls = inventory.reservationRequests();
		assertThat(calls).hasSize(3);
		long firstPause = millisBetween(calls.get(0), calls.get(1));
		long secondPause = millisBetween(calls.get(1), calls.get(2));
		System.out.printf("[retry] pauses between attempts: %d ms, %d ms%n", firstPause, secondPause);
		// 300 ms +-20 % jitter, then 600 ms +-20 %:
		// whatever the jitter, the second pause is longer.
		assertThat(firstPause).isGreaterThanOrEqualTo((long) (FIRST_RETRY_PAUSE_MS * 0.8));
		assertThat(secondPause).isGreaterThan(firstPause);
		assertThat(sameOrderIdIn(calls)).isEqualTo(orderId);

		assertInventoryUnavailableCancellation(orderId);
	}

	@Test
	void retriesADroppedConnectionThenCancelsTheOrder() {
		inventory.dropsConnections();

		Response response = placeOrder(ORDER);

		assertProblem(response, 503, "inventory-unavailable");
		assertThat(inventory.reservationCalls()).isEqualTo(3);
		assertInventoryUnavailableCancellation(UUID.fromString(response.json().get("orderId").asString()));
	}

	@Test
	void retriesTooManyRequests() {
		inventory.firstThenReserves(InventoryStub.status(429));

		Response response = placeOrder(ORDER);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(inventory.reservationCalls()).isEqualTo(2);
	}

	@Test
	void doesNotRetryNotEnoughStock() {
		inventory.hasNotEnoughStockOf("PIZZA-MARGHERITA");

		assertThat(placeOrder(ORDER).status()).isEqualTo(409);
		assertThat(inventory.reservationCalls()).isEqualTo(1);
		assertThat(breaker().getMetrics().getNumberOfFailedCalls()).as("a business answer, not a failure").isZero();
	}

	@Test
	void doesNotRetryUnknownProducts() {
		inventory.doesNotKnow("PIZZA-MARGHERITA");

		assertThat(placeOrder(ORDER).status()).isEqualTo(422);
		assertThat(inventory.reservationCalls()).isEqualTo(1);
		assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 404, 409 })
	void doesNotRetryOtherClientErrorsAndKeepsNothing(int status) {
		inventory.answers(status);

		Response response = placeOrder(ORDER);

		assertProblem(response, 500, "internal-error");
		assertThat(inventory.reservationCalls()).isEqualTo(1);
		assertThat(orderRows()).isZero();
		assertThat(outboxRows()).isZero();
	}

	@Test
	void opensTheBreakerAfterRepeatedFailuresAndClosesItAfterASuccessfulTrial() {
		inventory.answers(503);
		placeOrder(ORDER); // 3 failed calls: fewer than the breaker's minimum of 5
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		// 2 more: 5 of 5 failed, the breaker opens and the third attempt is refused
		placeOrder(ORDER);
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int callsSoFar = inventory.reservationCalls();
		assertThat(callsSoFar).isEqualTo(5);

		long start = System.nanoTime();
		Response refused = placeOrder(ORDER);
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

		System.out.printf("[breaker] an order refused by the open breaker took %d ms%n", millis);
		assertProblem(refused, 503, "inventory-unavailable");
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(inventory.reservationCalls()).as("inventory is not called while the breaker is open")
			.isEqualTo(callsSoFar);
		// Without the breaker, the retry pauses alone would take at least 240 + 480 ms.
		assertThat(millis).isLessThan((long) (FIRST_RETRY_PAUSE_MS * 0.8 * 3));

		inventory.reset();
		inventory.reserves();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> placeOrder(ORDER).status() == 201);
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(inventory.reservationCalls()).as("one trial call in half-open state, and it succeeded").isEqualTo(1);
	}

	private void assertInventoryUnavailableCancellation(UUID orderId) {
		Response order = http().get("/orders/" + orderId);
		assertThat(order.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.json().get("reason").asString()).isEqualTo("INVENTORY_UNAVAILABLE");
		assertThat(orderRows()).isEqualTo(1);
		assertThat(outboxEvents(orderId)).singleElement().satisfies(event -> {
			assertThat(event.type()).isEqualTo(RoutingKeys.ORDER_CANCELLED);
			OrderCancelled cancelled = (OrderCancelled) event.payload();
			assertThat(cancelled.reason()).isEqualTo(CancellationReason.INVENTORY_UNAVAILABLE);
			assertThat(cancelled.lines()).as("never priced").isEmpty();
		});
	}

	private static long millisBetween(LoggedRequest earlier, LoggedRequest later) {
		return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
	}

	/**
	 * The one order id all these requests asked about: a retry is the same reservation,
	 * never a new one.
	 */
	private static UUID sameOrderIdIn(List<LoggedRequest> requests) {
		List<String> ids = requests.stream()
			.map(request -> request.getBodyAsString().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1"))
			.distinct()
			.toList();
		assertThat(ids).hasSize(1);
		return UUID.fromString(ids.getFirst());
	}

}
