package com.example.food.inventory.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.food.events.Messaging;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A saga that never progresses must not hold stock forever. With a time-to-live of 1 s
 * and the expiry job every 200 ms (its own application context), a reservation neither
 * committed nor released is expired and its stock comes back by itself, but not while
 * events wait in the queue: one of them may be the meal that spends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { ReservationEventsTestSupport.SHORT_TIME_TO_LIVE, ReservationEventsTestSupport.FREQUENT_EXPIRY })
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ReservationExpiryIntegrationTests extends ReservationEventsTestSupport {

	/**
	 * The listener of inventory.events; this module's tests run one context at a time, so
	 * it is the only one.
	 */
	@Autowired
	@Qualifier("eventListenerContainer")
	SimpleMessageListenerContainer listener;

	@Autowired
	AmqpAdmin broker;

	@AfterEach
	void listenAgain() {
		if (!listener.isRunning()) {
			listener.start();
		}
	}

	@Test
	void givesBackTheStockOfAReservationPastItsTimeToLive() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response reserved = http().postJson("/reservations", reservation(orderId, sku, 2));

		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
		assertThat(reserved.json().get("status").asString()).isEqualTo("RESERVED");
		assertThat(Duration.between(Instant.parse(reserved.json().get("createdAt").asString()),
				Instant.parse(reserved.json().get("expiresAt").asString())))
			.isEqualTo(Duration.ofSeconds(1));
		await().atMost(PATIENCE).until(() -> stock().reservationStatusOf(orderId).equals("EXPIRED"));
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	@Test
	void expiresOnlyReservationsThatStillHoldStock() {
		String sku = stock().newProduct(8);
		// Long past their time-to-live, but holding nothing: one the
		// kitchen took (its 2 are already off the shelf) and a
		// tombstone. Written directly, so that no expiry can come first.
		UUID committed = storedReservation("COMMITTED", sku, 2);
		UUID tombstone = storedReservation("RELEASED", null, 0);
		UUID held = UUID.randomUUID();

		http().postJson("/reservations", reservation(held, sku, 3));

		await().atMost(PATIENCE).until(() -> stock().reservationStatusOf(held).equals("EXPIRED"));
		assertThat(stock().reservationStatusOf(committed)).isEqualTo("COMMITTED");
		assertThat(stock().reservationStatusOf(tombstone)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).as("only the held 3 came back").isEqualTo(new Stock(8, 0));
	}

	@Test
	void holdsBackWhileEventsWaitInTheQueueAndExpiresOnceTheyAreHandled(CapturedOutput output) {
		String sku = stock().newProduct(10);
		// As if the service were down or far behind:
		// its events wait in the queue, unhandled.
		listener.stop();
		UUID accepted = reserve(sku, 2);
		UUID stalled = reserve(sku, 3);
		bus.publish(ticketAccepted(accepted, sku, 2));
		await().atMost(PATIENCE).until(() -> waitingInTheQueue() == 1);

		// Both are past their time-to-live of 1 s,
		// and the expiry runs every 200 ms meanwhile.
		await().during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> stock().reservationStatusOf(accepted).equals("RESERVED")
					&& stock().reservationStatusOf(stalled).equals("RESERVED"));
		assertThat(output.getAll()).contains("Reservation expiry held back: messages waiting in inventory.events: 1");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 5));

		listener.start();

		await().atMost(PATIENCE).until(() -> stock().reservationStatusOf(stalled).equals("EXPIRED"));
		assertThat(stock().reservationStatusOf(accepted)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).as("the meal's 2 spent, the stalled order's 3 back").isEqualTo(new Stock(8, 0));
	}

	private long waitingInTheQueue() {
		QueueInformation queue = broker.getQueueInfo(Messaging.queueFor("inventory"));
		return queue == null ? -1 : queue.getMessageCount();
	}

	/**
	 * A reservation as a past saga left it, expired an hour ago; with one line if
	 * {@code sku} is given.
	 */
	private UUID storedReservation(String status, String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into reservation (order_id, status, created_at, updated_at, expires_at)
						values (:orderId, :status, now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour')
						""")
			.param("orderId", orderId)
			.param("status", status)
			.update();
		if (sku != null) {
			jdbc.sql("""
					insert into reservation_line (order_id, sku, name, quantity, unit_price)
					values (:orderId, :sku, 'Test dish', :quantity, 7.25)
					""").param("orderId", orderId).param("sku", sku).param("quantity", quantity).update();
		}
		return orderId;
	}

}
