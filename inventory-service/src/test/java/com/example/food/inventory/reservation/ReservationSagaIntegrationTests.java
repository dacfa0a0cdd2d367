package com.example.food.inventory.reservation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.SpringBootTest;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inventory's steps in the saga, driven as the other services drive them: the reservation
 * is made over HTTP (as order-service does), then kitchen's and order's facts arrive on
 * the real broker. Each test waits until the event is recorded as processed; by then
 * whatever it did, or ignored on purpose, is in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ReservationSagaIntegrationTests extends ReservationEventsTestSupport {

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
		// The same fact under a new event id (the kitchen said it
		// twice) gets past the idempotent consumer and reaches the
		// handler: the reservation's state makes it change nothing.
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

	// Stock is spent exactly when food is made. Each pair of facts below
	// arrives in both orders; another order's 3 on the same dish stay held
	// throughout, so reserved always equals what open reservations hold.

	@Test
	void putsTheStockBackWhenTheCustomerCancelsAfterTheKitchenAccepted() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);
		// The kitchen grants a customer's cancellation
		// only before the meal is prepared: none was made.
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2, CancellationReason.CUSTOMER_REQUEST);

		arriveInOrder(accepted);
		Stock whileCooking = stock().of(sku);
		arriveInOrder(cancelled);

		assertThat(whileCooking).as("spent when the kitchen accepted").isEqualTo(new Stock(8, 3));
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).as("no meal made: back on the shelf").isEqualTo(new Stock(10, 3));
	}

	@Test
	void spendsNothingWhenTheKitchenAcceptsAnOrderTheCustomerCancelled() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);

		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.CUSTOMER_REQUEST),
				ticketAccepted(orderId, sku, 2));

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 3));
	}

	@Test
	void spendsOnceWhenNoCourierComesAfterTheKitchenAccepted() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);

		arriveInOrder(ticketAccepted(orderId, sku, 2), orderCancelled(orderId, sku, 2, CancellationReason.NO_COURIER));

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).as("the meal was made: the money is refunded, the food is not restocked")
			.isEqualTo(new Stock(8, 3));
	}

	@Test
	void spendsOnceWhenNoCourierOvertakesTheKitchenAccepting() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		reserve(sku, 3);
		EventEnvelope noCourier = orderCancelled(orderId, sku, 2, CancellationReason.NO_COURIER);
		// A retried ticket.accepted can fall behind the cancellation that followed it.
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		arriveInOrder(noCourier);
		Stock beforeTheKitchen = stock().of(sku);
		arriveInOrder(accepted);

		assertThat(beforeTheKitchen).as("spent by the cancellation, not given back").isEqualTo(new Stock(8, 3));
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(8, 3));
	}

	@ParameterizedTest
	@EnumSource(value = CancellationReason.class, names = "NO_COURIER", mode = EnumSource.Mode.EXCLUDE)
	void putsTheStockBackForEveryCancellationWithoutAMeal(CancellationReason reason) {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);

		arriveInOrder(ticketAccepted(orderId, sku, 2), orderCancelled(orderId, sku, 2, reason));

		assertThat(reason.mealWasMade()).isFalse();
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	@Test
	void putsTheStockBackOnceWhenTheCancellationIsDeliveredTwice() {
		String sku = stock().newProduct(10);
		UUID orderId = reserve(sku, 2);
		EventEnvelope cancelled = orderCancelled(orderId, sku, 2);
		EventEnvelope cancelledAgain = orderCancelled(orderId, sku, 2);
		arriveInOrder(ticketAccepted(orderId, sku, 2));

		bus.publish(cancelled);
		bus.publish(cancelled);
		bus.publish(cancelledAgain);

		awaitProcessed(cancelled, cancelledAgain);
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
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
		// The partial failure: order-service gave up on a slow reservation and
		// cancelled, with no lines priced; the slow request is still on its way.
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
	void ignoresTheKitchenAcceptingAnOrderWithoutReservation() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		bus.publish(accepted);

		awaitProcessed(accepted);
		assertThat(stock().reservationsOf(orderId)).isZero();
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	@Test
	void spendsNothingWhenNoCourierComesForAnOrderWithoutReservation() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.NO_COURIER));

		assertThat(stock().reservationsOf(orderId)).isZero();
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

}
