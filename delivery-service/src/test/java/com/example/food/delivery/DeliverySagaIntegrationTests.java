package com.example.food.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery step of the saga through its real inputs and outputs: meal.prepared
 * published on the real broker, the delivery events read back from it, the delivery read
 * over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@FastDeliveries
class DeliverySagaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	JdbcClient jdbc;

	EventProbe bus;

	@BeforeEach
	void startWithTheWholePoolAvailable() {
		pool().awaitIdleAndRefill();
		bus = EventProbe.on(connectionFactory);
	}

	@AfterEach
	void closeProbe() {
		bus.close();
	}

	@Test
	void assignsAFreeCourierThenCompletesTheDeliveryAndFreesTheCourier() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope meal = Meals.preparedFor(orderId);

		bus.publish(meal);

		EventEnvelope assigned = bus.awaitEnvelope(DeliveryAssigned.class, orderId);
		EventEnvelope completed = bus.awaitEnvelope(DeliveryCompleted.class, orderId);
		DeliveryAssigned assignment = (DeliveryAssigned) assigned.payload();
		DeliveryCompleted completion = (DeliveryCompleted) completed.payload();
		assertThat(assignment.courierName()).isNotBlank();
		assertThat(completion.deliveryId()).isEqualTo(assignment.deliveryId());
		assertThat(completion.courierId()).isEqualTo(assignment.courierId());
		assertThat(assigned.causationId()).as("caused by meal.prepared").isEqualTo(meal.eventId());
		assertThat(completed.causationId()).as("caused by delivery.assigned").isEqualTo(assigned.eventId());
		assertThat(bus.events(DeliveryFailed.class, orderId)).isEmpty();
		assertThat(pool().isAvailable(assignment.courierId())).as("the courier is back in the pool").isTrue();

		JsonNode delivery = deliveryOf(orderId);
		assertThat(delivery.get("id").asString()).isEqualTo(assignment.deliveryId().toString());
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.get("courierId").asString()).isEqualTo(assignment.courierId());
		assertThat(delivery.get("courierName").asString()).isEqualTo(assignment.courierName());
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.get("address").get("city").asString()).isEqualTo("Springfield");
		Duration onTheRoad = Duration.between(Instant.parse(delivery.get("assignedAt").asString()),
				Instant.parse(delivery.get("deliveredAt").asString()));
		assertThat(onTheRoad).isGreaterThanOrEqualTo(Duration.ofMillis(FastDeliveries.DELIVERY_TIME_MS));
	}

	@Test
	void failsTheDeliveryAfterItsAttemptsWhenNoCourierIsFree() {
		UUID orderId = UUID.randomUUID();
		emptyThePool();

		bus.publish(Meals.preparedFor(orderId));

		DeliveryFailed failed = bus.await(DeliveryFailed.class, orderId);
		assertThat(failed.reason()).isEqualTo("no courier available");
		assertThat(failed.attempts()).isEqualTo(FastDeliveries.MAX_ATTEMPTS);
		assertThat(bus.events(DeliveryAssigned.class, orderId)).isEmpty();

		JsonNode delivery = deliveryOf(orderId);
		assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(FastDeliveries.MAX_ATTEMPTS);
		assertThat(delivery.get("failureReason").asString()).isEqualTo("no courier available");
		assertThat(delivery.get("courierId").isNull()).isTrue();
		Duration waited = Duration.between(Instant.parse(delivery.get("createdAt").asString()),
				Instant.parse(delivery.get("failedAt").asString()));
		assertThat(waited).as("a pause between each two searches")
			.isGreaterThanOrEqualTo(
					Duration.ofMillis((long) FastDeliveries.RETRY_INTERVAL_MS * (FastDeliveries.MAX_ATTEMPTS - 1)));
	}

	@Test
	void assignsACourierWhenThePoolIsRefilledBeforeTheAttemptsRunOut() {
		UUID orderId = UUID.randomUUID();
		emptyThePool();
		bus.publish(Meals.preparedFor(orderId));
		await().pollInterval(Duration.ofMillis(20)).until(() -> "WAITING_FOR_COURIER".equals(statusOf(orderId)));

		assertThat(admin().postJson("/admin/couriers/refill", "").status()).isEqualTo(200);

		bus.await(DeliveryAssigned.class, orderId);
		bus.await(DeliveryCompleted.class, orderId);
		assertThat(bus.events(DeliveryFailed.class, orderId)).isEmpty();
		assertThat(deliveryOf(orderId).get("attempts").asInt()).as("found a courier on a later search")
			.isBetween(2, FastDeliveries.MAX_ATTEMPTS);
	}

	@Test
	void startsOneDeliveryForADuplicatedMealPrepared() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope meal = Meals.preparedFor(orderId);

		bus.publish(meal);
		bus.publish(meal);

		bus.await(DeliveryCompleted.class, orderId);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> bus.events(DeliveryAssigned.class, orderId).size() == 1);
		assertThat(deliveriesOf(orderId)).isEqualTo(1);
	}

	@Test
	void ignoresAnotherMealPreparedForAnOrderThatHasItsDelivery() {
		UUID orderId = UUID.randomUUID();
		bus.publish(Meals.preparedFor(orderId));
		bus.await(DeliveryAssigned.class, orderId);
		EventEnvelope again = Meals.preparedFor(orderId, new DeliveryAddress("2 Other St", "Shelbyville", "54321"));

		bus.publish(again);

		await().until(() -> processed(again.eventId()));
		bus.await(DeliveryCompleted.class, orderId);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> bus.events(DeliveryAssigned.class, orderId).size() == 1);
		assertThat(deliveriesOf(orderId)).isEqualTo(1);
		assertThat(deliveryOf(orderId).get("address").get("city").asString()).isEqualTo("Springfield");
	}

	@Test
	void neverGivesOneCourierTwoDeliveriesAtOnce() {
		// More orders than couriers, all at once, on
		// four consumers: the couriers are raced for.
		List<UUID> orders = IntStream.range(0, 3 * TestPool.COURIERS).mapToObj(i -> UUID.randomUUID()).toList();

		orders.forEach(orderId -> bus.publish(Meals.preparedFor(orderId)));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> orders.stream()
				.allMatch(orderId -> !bus.events(DeliveryCompleted.class, orderId).isEmpty()
						|| !bus.events(DeliveryFailed.class, orderId).isEmpty()));
		Map<String, List<Trip>> tripsByCourier = tripsOf(orders).stream()
			.collect(Collectors.groupingBy(Trip::courierId));
		assertThat(tripsByCourier).isNotEmpty();
		tripsByCourier.forEach((courierId, trips) -> {
			for (int i = 1; i < trips.size(); i++) {
				assertThat(trips.get(i).assignedAt()).as("%s set off again only after handing over", courierId)
					.isAfterOrEqualTo(trips.get(i - 1).deliveredAt());
			}
		});
		orders.forEach(orderId -> assertThat(bus.events(DeliveryAssigned.class, orderId)).hasSizeLessThanOrEqualTo(1));
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS);
	}

	@Test
	void showsADeliveryByOrderAndByIdAndAnswers404WithoutOne() {
		UUID orderId = UUID.randomUUID();
		bus.publish(Meals.preparedFor(orderId));
		UUID deliveryId = bus.await(DeliveryAssigned.class, orderId).deliveryId();

		Response byId = HttpTestClient.on(port).get("/deliveries/" + deliveryId);
		Response unknownOrder = findDeliveryOf(UUID.randomUUID());
		Response unknownId = HttpTestClient.on(port).get("/deliveries/" + UUID.randomUUID());
		Response notAnId = HttpTestClient.on(port).get("/deliveries?orderId=42");

		assertThat(byId.status()).isEqualTo(200);
		assertThat(byId.json().get("orderId").asString()).isEqualTo(orderId.toString());
		assertProblem(unknownOrder, 404, "delivery-not-found");
		assertProblem(unknownId, 404, "delivery-not-found");
		assertProblem(notAnId, 400, "invalid-request");
		bus.await(DeliveryCompleted.class, orderId);
	}

	record Trip(String courierId, Instant assignedAt, Instant deliveredAt) {
	}

	private List<Trip> tripsOf(List<UUID> orders) {
		return new ArrayList<>(jdbc.sql("""
				select courier_id, assigned_at, delivered_at from delivery
				where order_id in (:orders) and courier_id is not null
				order by courier_id, assigned_at
				""")
			.param("orders", orders)
			.query((rs, row) -> new Trip(rs.getString("courier_id"), rs.getTimestamp("assigned_at").toInstant(),
					rs.getTimestamp("delivered_at").toInstant()))
			.list());
	}

	private JsonNode deliveryOf(UUID orderId) {
		Response response = findDeliveryOf(orderId);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Response findDeliveryOf(UUID orderId) {
		return HttpTestClient.on(port).get("/deliveries?orderId=" + orderId);
	}

	private int deliveriesOf(UUID orderId) {
		return jdbc.sql("select count(*) from delivery where order_id = :orderId")
			.param("orderId", orderId)
			.query(Integer.class)
			.single();
	}

	private boolean processed(UUID eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = :eventId")
			.param("eventId", eventId)
			.query(Integer.class)
			.single() == 1;
	}

	private String statusOf(UUID orderId) {
		Response response = findDeliveryOf(orderId);
		return response.status() == 200 ? response.json().get("status").asString() : "none";
	}

	private void emptyThePool() {
		assertThat(admin().postJson("/admin/couriers/empty", "").status()).isEqualTo(200);
		assertThat(pool().availableCouriers()).isZero();
	}

	private HttpTestClient admin() {
		return HttpTestClient.on(port).asAdmin();
	}

	private TestPool pool() {
		return TestPool.on(jdbc);
	}

}
