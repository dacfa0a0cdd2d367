package com.example.food.inventory.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderLine;
import com.example.food.events.TicketAccepted;
import com.example.food.infrastructure.testsupport.EventProbe;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock;
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inventory's steps in the saga, driven as the other services drive them: the reservation is made
 * over HTTP (as order-service does), then kitchen's and order's facts arrive on the real broker.
 * Each test waits until the event is recorded as processed; by then whatever it did, or ignored on
 * purpose, is in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@TestInstance(Lifecycle.PER_CLASS) // one probe for the class: the events are told apart by order id
class ReservationSagaIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConnectionFactory connectionFactory;

	EventProbe bus;

	@BeforeAll
	void openBus() {
		bus = EventProbe.on(connectionFactory);
	}

	@AfterAll
	void closeBus() {
		bus.close();
	}

	TestStock stock() {
		return new TestStock(jdbc);
	}

	HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	@Test
	void commitsTheReservationWhenTheKitchenAccepts() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		bus.publish(accepted);

		awaitProcessed(accepted);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).as("spent: off the shelf and no longer held").isEqualTo(new Stock(8, 0));
		assertThat(http().get("/reservations/" + orderId).json().get("status").asString()).isEqualTo("COMMITTED");
	}

	@Test
	void commitsOnceWhenTicketAcceptedIsDeliveredTwice() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);
		// The same fact under a new event id (the kitchen said it twice) gets past the idempotent
		// consumer and reaches the handler: the reservation's state makes it change nothing.
		EventEnvelope acceptedAgain = ticketAccepted(orderId, sku, 2);

		bus.publish(accepted);
		bus.publish(accepted);
		bus.publish(acceptedAgain);

		awaitProcessed(accepted, acceptedAgain);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(8, 0));
	}

	@Test
	void releasesAHeldReservationWhenTheOrderIsCancelled() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);

		bus.publish(cancelled);

		awaitProcessed(cancelled);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).as("only the other order's 3 are still held").isEqualTo(new Stock(10, 3));
	}

	@Test
	void releasesOnceWhenOrderCancelledIsDeliveredTwice() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);
		EventEnvelope cancelledAgain = orderCancelled(orderId, sku, 2);

		bus.publish(cancelled);
		bus.publish(cancelled);
		bus.publish(cancelledAgain);

		awaitProcessed(cancelled, cancelledAgain);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 3));
	}

	@Test
	void keepsTheStockSpentWhenTheOrderIsCancelledAfterTheKitchenAccepted() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);
		bus.publish(accepted);
		awaitProcessed(accepted);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);

		bus.publish(cancelled);

		// Processed means handled without an exception: ignored on purpose, not retried nor dead-lettered.
		awaitProcessed(cancelled);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).as("the money is refunded, the food is not restocked").isEqualTo(new Stock(8, 0));
	}

	@Test
	void stillRefusesAReleaseOverHttpAfterTheKitchenAccepted() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);
		bus.publish(accepted);
		awaitProcessed(accepted);

		Response release = http().delete("/reservations/" + orderId);

		assertProblem(release, 409, "reservation-committed");
		assertThat(stock().of(sku)).isEqualTo(new Stock(8, 0));
	}

	@Test
	void storesATombstoneWhenTheOrderIsCancelledBeforeItReserved() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		// The partial failure: order-service gave up on a slow reservation and cancelled, with no
		// lines priced; the slow request is still on its way.
		EventEnvelope cancelled = EventEnvelope.of(new OrderCancelled(CancellationReason.INVENTORY_UNAVAILABLE,
				"inventory did not answer in time", List.of()), orderId);
		bus.publish(cancelled);
		awaitProcessed(cancelled);

		Response late = http().postJson("/reservations", reservation(orderId, sku, 2));

		assertThat(late.status()).as(late.body()).isEqualTo(200);
		assertThat(late.json().get("status").asString()).isEqualTo("RELEASED");
		assertThat(late.json().get("lines").size()).isZero();
		assertThat(stock().of(sku)).as("nothing reserved that no one would release").isEqualTo(new Stock(10, 0));
	}

	@Test
	void ignoresTheKitchenAcceptingAnOrderAlreadyCancelled() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);
		bus.publish(cancelled);
		awaitProcessed(cancelled);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		bus.publish(accepted);

		awaitProcessed(accepted);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	@Test
	void ignoresTheKitchenAcceptingAnOrderWithoutReservation() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		bus.publish(accepted);

		awaitProcessed(accepted);
		assertThat(stock().reservationsOf(orderId)).isZero();
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	/** Reserves over HTTP for a new order, as order-service does; returns the order id. */
	private UUID reserve(String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		Response response = http().postJson("/reservations", reservation(orderId, sku, quantity));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return orderId;
	}

	private void awaitProcessed(EventEnvelope... events) {
		for (EventEnvelope event : events) {
			await().atMost(PATIENCE).until(() -> stock().hasProcessed(event.eventId()));
		}
	}

	static EventEnvelope ticketAccepted(UUID orderId, String sku, int quantity) {
		return EventEnvelope.of(new TicketAccepted(UUID.randomUUID(), lines(sku, quantity)), orderId);
	}

	static EventEnvelope orderCancelled(UUID orderId, String sku, int quantity) {
		return EventEnvelope.of(
				new OrderCancelled(CancellationReason.CUSTOMER_REQUEST, "changed my mind", lines(sku, quantity)), orderId);
	}

	private static List<OrderLine> lines(String sku, int quantity) {
		return List.of(new OrderLine(sku, "Test dish", quantity, new BigDecimal("7.25")));
	}
}
