package com.example.food.inventory.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A saga that never progresses must not hold stock forever. With a time-to-live of 1 s and the
 * expiry job every 200 ms (its own application context), a reservation neither committed nor
 * released is expired and its stock comes back by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "food.reservations.time-to-live=1s", "food.reservations.expiry-interval=200ms" })
@WithRealInfrastructure
class ReservationExpiryIntegrationTests extends ReservationEventsTestSupport {

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
		// Long past their time-to-live, but holding nothing: one the kitchen took (its 2 are already
		// off the shelf) and a tombstone. Written directly, so that no expiry can come first.
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
	void ignoresTheKitchenAndACancellationAfterTheReservationExpired() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		http().postJson("/reservations", reservation(orderId, sku, 2));
		await().atMost(PATIENCE).until(() -> stock().reservationStatusOf(orderId).equals("EXPIRED"));
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);

		bus.publish(accepted);
		bus.publish(cancelled);

		awaitProcessed(accepted, cancelled);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("EXPIRED");
		assertThat(stock().of(sku)).as("given back once, spent never").isEqualTo(new Stock(10, 0));
	}

	/** A reservation as a past saga left it, expired an hour ago; with one line if {@code sku} is given. */
	private UUID storedReservation(String status, String sku, int quantity) {
		UUID orderId = UUID.randomUUID();
		jdbc.sql("""
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
					""")
				.param("orderId", orderId)
				.param("sku", sku)
				.param("quantity", quantity)
				.update();
		}
		return orderId;
	}
}
