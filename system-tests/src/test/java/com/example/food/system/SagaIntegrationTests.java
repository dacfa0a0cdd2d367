package com.example.food.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderPlaced;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.Servers;
import com.example.food.infrastructure.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga end to end: the five services as processes, over real HTTP, RabbitMQ and
 * PostgreSQL. Each test places orders through the public API and waits for the outcome
 * the design promises; after each, the invariants of the whole system are checked.
 */
class SagaIntegrationTests {

	private static final Duration SAGA_PATIENCE = Duration.ofSeconds(60);

	/**
	 * Short waits, so a saga takes seconds; what they mean is the same as in production.
	 * The meal takes long enough for a customer to cancel while the kitchen cooks.
	 */
	private static final Map<String, String> KITCHEN = Map.of("food.kitchen.preparation-time", "3s",
			"food.kitchen.poll-interval", "100ms");

	private static final Map<String, String> DELIVERY = Map.of("food.delivery.delivery-time", "300ms",
			"food.delivery.retry-interval", "300ms", "food.delivery.max-attempts", "3", "food.delivery.poll-interval",
			"100ms");

	/**
	 * A reservation held this long without progress expires: long for a saga here, short
	 * for a test.
	 */
	private static final Map<String, String> INVENTORY = Map.of("food.reservations.time-to-live", "20s",
			"food.reservations.expiry-interval", "1s");

	static SystemUnderTest system;

	/**
	 * Every service reaches RabbitMQ through this proxy, so that a test can cut the
	 * connection.
	 */
	static TcpProxy broker;

	static HttpTestClient order;

	static CachingConnectionFactory bus;

	static EventProbe probe;

	/**
	 * Where every service exports its spans: one order's saga must be one trace across
	 * the five.
	 */
	static ZipkinCollector spans;

	@BeforeAll
	static void startTheSystem() {
		spans = ZipkinCollector.start();
		system = new SystemUnderTest();
		Servers.Rabbit rabbit = system.workspace().servers().rabbit();
		broker = TcpProxy.to(rabbit.host(), rabbit.amqpPort());
		system.start(Map.of("inventory-service", viaProxy(INVENTORY)));
		system.start(Map.of("order-service", viaProxy(orderSettings(system.service("inventory-service").url())),
				"payment-service", viaProxy(Map.of()), "kitchen-service", viaProxy(KITCHEN), "delivery-service",
				viaProxy(DELIVERY)));
		order = system.service("order-service").http();
		bus = new CachingConnectionFactory(rabbit.host(), rabbit.amqpPort());
		bus.setUsername(rabbit.user());
		bus.setPassword(rabbit.password());
		bus.setVirtualHost(system.workspace().virtualHost());
		probe = EventProbe.on(bus);
	}

	@AfterAll
	static void stopTheSystem() {
		if (probe != null) {
			probe.close();
			bus.destroy();
		}
		if (system != null) {
			system.close();
		}
		if (broker != null) {
			broker.close();
		}
		if (spans != null) {
			spans.close();
		}
	}

	private static Map<String, String> orderSettings(String inventoryUrl) {
		// Longer than the reservations' time-to-live: a stuck order first
		// loses its reservation, then is cancelled at its deadline.
		return Map.of("food.inventory.url", inventoryUrl, "food.saga.deadlines.AWAITING_PAYMENT", "25s",
				"food.saga.deadline-check-interval", "1s");
	}

	private static Map<String, String> viaProxy(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.putAll(spans.exportSettings());
		all.put("spring.rabbitmq.host", "127.0.0.1");
		all.put("spring.rabbitmq.port", String.valueOf(broker.port()));
		return all;
	}

	/**
	 * The orders each test places, and the stock before it: what the check after it
	 * covers.
	 */
	private static final List<UUID> placedInTest = new CopyOnWriteArrayList<>();

	private static Map<String, Integer> stockBefore;

	@BeforeEach
	void noteTheStockBefore() {
		placedInTest.clear();
		stockBefore = new SagaAgreement(system::database).onHand();
	}

	@AfterEach
	void everyOrderEndsInOneStoryAtTheFiveServices() {
		SagaAgreement agreement = new SagaAgreement(system::database);
		AtomicReference<SagaAgreement.Report> last = new AtomicReference<>();
		try {
			await("every order final and told alike by the five services").atMost(SAGA_PATIENCE)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> last.updateAndGet(report -> agreement.check(placedInTest, placedInTest, stockBefore))
					.agrees());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the five services disagree:\n" + last.get().summary(), ex);
		}
	}

	@Test
	void deliversAnOrderThroughEveryStateAndSpendsItsStockOnce() {
		int onHandBefore = onHand("PIZZA-MARGHERITA");

		UUID id = place("PIZZA-MARGHERITA", 2, "tok_visa");

		assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(steps(id)).containsSubsequence("payment.completed", "ticket.accepted", "meal.prepared",
				"delivery.assigned", "delivery.completed");
		assertThat(reservationStatus(id)).isEqualTo("COMMITTED");
		assertThat(onHand("PIZZA-MARGHERITA")).isEqualTo(onHandBefore - 2);
		await().atMost(SAGA_PATIENCE).until(() -> payments(id).equals(List.of("CAPTURED")));
	}

	@Test
	void tracesOneOrderAcrossTheFiveServicesAsOneTrace() {
		UUID id = place("PIZZA-MARGHERITA", 1, "tok_visa");
		assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED");

		// Every event about the order carries the same trace in its
		// headers (W3C traceparent: version-traceId-spanId-flags),
		// although the relays published them later, on their own threads.
		List<EventEnvelope> events = probe.events(id);
		assertThat(events).extracting(EventEnvelope::type)
			.contains("order.placed", "payment.completed", "ticket.accepted", "meal.prepared", "delivery.completed");
		List<String> traceIds = events.stream()
			.map(event -> String.valueOf(probe.headersOf(event).get("traceparent")))
			.map(traceparent -> traceparent.split("-"))
			.map(parts -> parts.length == 4 ? parts[1] : "missing")
			.distinct()
			.toList();
		assertThat(traceIds).as("trace ids in the events' traceparent headers").hasSize(1).doesNotContain("missing");
		String traceId = traceIds.getFirst();

		// ... and the spans of all five services are in that one trace:
		// the HTTP request and the Feign call (order, inventory), each
		// publish and each handler, named after its step.
		await("spans of the five services in trace " + traceId).atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spans.trace(traceId)).extracting(ZipkinCollector.Span::serviceName)
				.contains("order-service", "inventory-service", "payment-service", "kitchen-service",
						"delivery-service"));
		await("the saga's steps as spans").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spans.trace(traceId)).extracting(ZipkinCollector.Span::name)
				.contains("order.placed publish", "payment authorize", "payment.completed publish",
						"kitchen open ticket", "payment capture", "delivery dispatch", "order mark delivered",
						"inventory commit reservation"));
		assertThat(spans.spans().stream().filter(span -> id.toString().equals(span.tags().get("order.id"))))
			.as("every span tagged with this order is in its trace")
			.allSatisfy(span -> assertThat(span.traceId()).isEqualTo(traceId));
	}

	@Test
	void cancelsADeclinedOrderAndReleasesItsStockWithoutCharging() {
		UUID id = place("PASTA-CARBONARA", 1, "tok_declined");

		var order = awaitFinal(id);

		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		await().atMost(SAGA_PATIENCE).until(() -> "RELEASED".equals(reservationStatus(id)));
		assertThat(payments(id)).containsExactly("DECLINED");
	}

	@Test
	void cancelsWhatTheKitchenRejectsVoidsTheHoldAndReleasesTheStock() {
		kitchenCannotMake("LASAGNA");
		try {
			UUID id = place("LASAGNA", 1, "tok_visa");

			var order = awaitFinal(id);

			assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
			assertThat(order.get("reason").asString()).isEqualTo("KITCHEN_REJECTED");
			await().atMost(SAGA_PATIENCE).until(() -> payments(id).equals(List.of("VOIDED")));
			await().atMost(SAGA_PATIENCE).until(() -> "RELEASED".equals(reservationStatus(id)));
		}
		finally {
			kitchenCannotMake();
		}
	}

	@Test
	void cancelsAnOrderNoCourierTakesRefundsItAndKeepsTheStockSpent() {
		admin("delivery-service").post("/admin/couriers/empty", "application/json", "", Map.of());
		try {
			UUID id = place("TIRAMISU", 1, "tok_visa");

			var order = awaitFinal(id);

			assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
			assertThat(order.get("reason").asString()).isEqualTo("NO_COURIER");
			await().atMost(SAGA_PATIENCE).until(() -> payments(id).equals(List.of("REFUNDED")));
			// The food was made: the stock is spent,
			// the cancellation does not restock it.
			assertThat(reservationStatus(id)).isEqualTo("COMMITTED");
		}
		finally {
			admin("delivery-service").post("/admin/couriers/refill", "application/json", "", Map.of());
		}
	}

	@Test
	void letsTheCustomerCancelBeforeTheKitchenAcceptsAndUndoesWhatWasDone() {
		// The kitchen stumbles over the payment for
		// a few seconds (retries): time to cancel.
		admin("kitchen-service").putJson("/admin/handler-failures", """
				{"routingKey": "payment.completed", "transientFailures": 3}""");
		UUID id = place("LEMONADE", 3, "tok_visa");

		Response cancelled = order.post("/orders/" + id + "/cancel", "application/json", "", Map.of());

		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLING");
		var order = awaitFinal(id);
		assertThat(order.get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(steps(id)).contains("ticket.cancelled");
		await().atMost(SAGA_PATIENCE).until(() -> "RELEASED".equals(reservationStatus(id)));
		// Depending on who was faster: never held; held and voided;
		// or, when the kitchen's retries let it accept before it heard
		// the request, captured and refunded. Never taken for good.
		await().atMost(SAGA_PATIENCE)
			.until(() -> List.of(List.of("VOIDED"), List.of("CANCELLED_BEFORE_PAYMENT"), List.of("REFUNDED"))
				.contains(payments(id)));
		assertThat(ticketStatus(id)).isEqualTo("CANCELLED");
	}

	/**
	 * The race that once let the five disagree: order-service is slow to hear that the
	 * kitchen accepted, and the customer cancels while the kitchen cooks. The kitchen
	 * decides: the meal is not prepared yet, so it grants; the capture is refunded, the
	 * stock comes back, nothing is delivered.
	 */
	@Test
	void grantsACancellationWhileTheKitchenCooksAndPutsMoneyAndStockBack() {
		admin("order-service").putJson("/admin/handler-failures", """
				{"routingKey": "ticket.accepted", "transientFailures": 3}""");
		int onHandBefore = onHand("PASTA-CARBONARA");
		UUID id = place("PASTA-CARBONARA", 1, "tok_visa");
		await().atMost(SAGA_PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> "ACCEPTED".equals(ticketStatus(id)));

		Response cancelled = order.post("/orders/" + id + "/cancel", "application/json", "", Map.of());

		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
		var order = awaitFinal(id);
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		assertThat(ticketStatus(id)).isEqualTo("CANCELLED");
		await().atMost(SAGA_PATIENCE)
			.until(() -> List.of(List.of("VOIDED"), List.of("REFUNDED")).contains(payments(id)));
		await().atMost(SAGA_PATIENCE).until(() -> onHand("PASTA-CARBONARA") == onHandBefore);
		assertThat(deliveries(id)).isZero();
	}

	/**
	 * The same race, lost by the customer: the meal is prepared before the kitchen hears
	 * the request, so it refuses; the order leaves CANCELLING for where the facts put it
	 * and is delivered.
	 */
	@Test
	void refusesACancellationOnceTheMealIsPreparedAndDeliversTheOrder() {
		admin("order-service").putJson("/admin/handler-failures", """
				{"routingKey": "ticket.accepted", "transientFailures": 3}""");
		UUID id = place("PIZZA-DIAVOLA", 1, "tok_visa");
		await().atMost(SAGA_PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> "PREPARED".equals(ticketStatus(id)));

		Response cancelled = order.post("/orders/" + id + "/cancel", "application/json", "", Map.of());

		assertThat(cancelled.status()).as(cancelled.body()).isIn(202, 409);
		assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED");
		if (cancelled.status() == 202) {
			assertThat(steps(id)).contains("ticket.cancellation-refused");
		}
		await().atMost(SAGA_PATIENCE).until(() -> payments(id).equals(List.of("CAPTURED")));
		assertThat(reservationStatus(id)).isEqualTo("COMMITTED");
	}

	@Test
	void changesNothingTwiceWhenAnEventIsDeliveredAgain() {
		UUID id = place("PIZZA-DIAVOLA", 1, "tok_visa");
		awaitFinal(id);
		EventEnvelope placed = probe.awaitEnvelope(OrderPlaced.class, id);

		probe.publish(placed);

		await().atMost(SAGA_PATIENCE)
			.until(() -> db("payment-service").sql("select count(*) from processed_event where event_id = ?")
				.param(placed.eventId())
				.query(Integer.class)
				.single() == 1);
		assertThat(payments(id)).containsExactly("CAPTURED");
		assertThat(order.get("/orders/" + id).json().get("status").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void acceptsOrdersWhileTheBrokerIsUnreachableAndCompletesThemWhenItIsBack() {
		broker.cut();
		List<UUID> placed;
		try {
			placed = List.of(place("PIZZA-MARGHERITA", 1, "tok_visa"), place("LEMONADE", 2, "tok_visa"));

			// Accepted, and their order.placed waits in
			// the outbox: nothing is lost, only delayed.
			await().during(Duration.ofSeconds(1))
				.atMost(SAGA_PATIENCE)
				.until(() -> placed.stream()
					.allMatch(id -> unsentOrderPlaced(id) == 1 && "AWAITING_PAYMENT".equals(status(id))));
		}
		finally {
			broker.restore();
		}

		placed.forEach(id -> assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED"));
		placed.forEach(id -> assertThat(unsentOrderPlaced(id)).isZero());
	}

	@Test
	void releasesTheStockOfAnOrderThatNeverProgressesAndCancelsItAtItsDeadline() {
		system.service("payment-service").stop();
		try {
			UUID id = place("TIRAMISU", 1, "tok_visa");

			await().atMost(SAGA_PATIENCE).until(() -> "EXPIRED".equals(reservationStatus(id)));
			await().atMost(SAGA_PATIENCE).until(() -> steps(id).contains("deadline passed in AWAITING_PAYMENT"));
			Response metric = system.service("order-service")
				.http()
				.asAdmin()
				.get("/actuator/metrics/food.saga.deadline.exceeded?tag=state:AWAITING_PAYMENT");
			assertThat(metric.status()).as(metric.body()).isEqualTo(200);
			assertThat(metric.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);

			// Before the kitchen accepted: the deadline asks the kitchen,
			// which grants it (no ticket yet). Payment, once back, holds the
			// amount and then voids the hold; the kitchen opens no ticket.
			assertThat(awaitFinal(id).get("reason").asString()).isEqualTo("DEADLINE_EXCEEDED");
			assertThat(steps(id)).contains("cancellation requested: deadline passed", "ticket.cancelled");
		}
		finally {
			system.restart("payment-service", viaProxy(Map.of()));
		}
	}

	@Test
	void completesTheSagaOfAParticipantThatWasDownWhenItComesBack() {
		system.service("kitchen-service").stop();
		UUID id = place("PIZZA-MARGHERITA", 1, "tok_visa");
		await().atMost(SAGA_PATIENCE).until(() -> "PAID".equals(status(id)));

		system.restart("kitchen-service", viaProxy(KITCHEN));

		assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void completesASagaWhoseDeadLetterIsReplayedOnceItsCauseIsFixed() {
		HttpTestClient kitchen = admin("kitchen-service");
		kitchen.putJson("/admin/handler-failures", """
				{"routingKey": "payment.completed", "transientFailures": 100}""");
		UUID id = place("PASTA-CARBONARA", 1, "tok_visa");
		await().atMost(SAGA_PATIENCE).until(() -> kitchen.get("/admin/dead-letters").json().size() > 0);
		assertThat(status(id)).isEqualTo("PAID");

		kitchen.delete("/admin/handler-failures");
		Response replayed = kitchen.post("/admin/dead-letters/replay", "application/json", "", Map.of());

		assertThat(replayed.status()).isEqualTo(202);
		assertThat(awaitFinal(id).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(kitchen.get("/admin/dead-letters").json().size()).isZero();
	}

	private static UUID place(String sku, int quantity, String token) {
		Response placed = order.postJson("/orders", """
				{"customerId": "c-saga", "lines": [{"sku": "%s", "quantity": %d}],
				 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
				 "paymentToken": "%s"}""".formatted(sku, quantity, token));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		UUID id = UUID.fromString(placed.json().get("id").asString());
		placedInTest.add(id);
		return id;
	}

	private static tools.jackson.databind.JsonNode awaitFinal(UUID id) {
		await("order " + id + " in a final state").atMost(SAGA_PATIENCE)
			.until(() -> List.of("DELIVERED", "CANCELLED", "REJECTED").contains(status(id)));
		return order.get("/orders/" + id).json();
	}

	private static String status(UUID id) {
		return order.get("/orders/" + id).json().get("status").asString();
	}

	private static List<String> steps(UUID id) {
		return order.get("/orders/" + id + "/timeline").json().findValuesAsString("step");
	}

	private static HttpTestClient admin(String service) {
		return system.service(service).http().asAdmin();
	}

	private static void kitchenCannotMake(String... skus) {
		String list = String.join(",", java.util.Arrays.stream(skus).map(sku -> "\"" + sku + "\"").toList());
		Response response = admin("kitchen-service").putJson("/admin/kitchen/unavailable-skus", "[" + list + "]");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private static JdbcClient db(String service) {
		return system.database(service);
	}

	private static int onHand(String sku) {
		return db("inventory-service").sql("select on_hand from product where sku = ?")
			.param(sku)
			.query(Integer.class)
			.single();
	}

	private static String reservationStatus(UUID id) {
		return db("inventory-service").sql("select status from reservation where order_id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static List<String> payments(UUID id) {
		return db("payment-service").sql("select status from payment where order_id = ?")
			.param(id)
			.query(String.class)
			.list();
	}

	private static int unsentOrderPlaced(UUID id) {
		return db("order-service").sql(
				"select count(*) from outbox_message where order_id = ? and routing_key = 'order.placed' and sent_at is null")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private static int deliveries(UUID id) {
		return db("delivery-service").sql("select count(*) from delivery where order_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private static String ticketStatus(UUID id) {
		return db("kitchen-service").sql("select status from ticket where order_id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
