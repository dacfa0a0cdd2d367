package com.example.food.inventory.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
import com.example.food.inventory.TestStock;

import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the reservation tests that take part in the saga share: inventory over real HTTP,
 * the kitchen's and order's facts published on the real broker by one {@link EventProbe}
 * for the class (the events are told apart by order id), and the stock read back from the
 * database.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class ReservationEventsTestSupport {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * With {@link #FREQUENT_EXPIRY}: the configuration of the tests that watch
	 * reservations expire, one context.
	 */
	static final String SHORT_TIME_TO_LIVE = "food.reservations.time-to-live=1s";

	static final String FREQUENT_EXPIRY = "food.reservations.expiry-interval=200ms";

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

	/**
	 * Reserves over HTTP for a new order, as order-service does; returns the order id.
	 */
	UUID reserve(String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		Response response = http().postJson("/reservations", reservation(orderId, sku, quantity));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return orderId;
	}

	/**
	 * Waits until each event is recorded as processed: by then what it did, or ignored on
	 * purpose, is stored.
	 */
	void awaitProcessed(EventEnvelope... events) {
		for (EventEnvelope event : events) {
			await().atMost(PATIENCE).until(() -> stock().hasProcessed(event.eventId()));
		}
	}

	static EventEnvelope ticketAccepted(UUID orderId, String sku, int quantity) {
		return EventEnvelope.of(new TicketAccepted(UUID.randomUUID(), lines(sku, quantity)), orderId);
	}

	/**
	 * Publishes each event once the one before it is handled, so that they arrive in this
	 * order.
	 */
	void arriveInOrder(EventEnvelope... events) {
		for (EventEnvelope event : events) {
			bus.publish(event);
			awaitProcessed(event);
		}
	}

	static EventEnvelope orderCancelled(UUID orderId, String sku, int quantity) {
		return orderCancelled(orderId, sku, quantity, CancellationReason.CUSTOMER_REQUEST);
	}

	static EventEnvelope orderCancelled(UUID orderId, String sku, int quantity, CancellationReason reason) {
		return EventEnvelope.of(new OrderCancelled(reason, "cancelled in a test", lines(sku, quantity)), orderId);
	}

	private static List<OrderLine> lines(String sku, int quantity) {
		return List.of(new OrderLine(sku, "Test dish", quantity, new BigDecimal("7.25")));
	}

}
