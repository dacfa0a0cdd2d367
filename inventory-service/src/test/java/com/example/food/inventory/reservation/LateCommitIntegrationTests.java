package com.example.food.inventory.reservation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock.Stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facts of an order that come after its reservation expired (the kitchen was down, a
 * dead letter was replayed): stock is still spent exactly when food is made. A meal made
 * after all commits the reservation late, from what is free on the shelf; an order
 * cancelled without one leaves the stock where the expiry put it. Every arrival order
 * ends with on_hand = 10 less the meals made. The same configuration as
 * {@link ReservationExpiryIntegrationTests}, hence its context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { ReservationEventsTestSupport.SHORT_TIME_TO_LIVE, ReservationEventsTestSupport.FREQUENT_EXPIRY })
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class LateCommitIntegrationTests extends ReservationEventsTestSupport {

	@Test
	void commitsLateWhenTheKitchenAcceptsAndPutsTheStockBackWhenTheCustomerCancels() {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);

		arriveInOrder(ticketAccepted(orderId, sku, 2));
		Stock whileCooking = stock().of(sku);
		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.CUSTOMER_REQUEST));

		assertThat(whileCooking).as("spent again when the kitchen accepted").isEqualTo(new Stock(8, 0));
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).as("no meal made: back on the shelf").isEqualTo(new Stock(10, 0));
	}

	@Test
	void spendsNothingWhenTheKitchenAcceptsAfterTheCustomerCancelled() {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);

		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.CUSTOMER_REQUEST));
		String afterTheCancellation = stock().reservationStatusOf(orderId);
		arriveInOrder(ticketAccepted(orderId, sku, 2));

		assertThat(afterTheCancellation).as("so that the late ticket.accepted finds a cancelled order")
			.isEqualTo("RELEASED");
		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 0));
	}

	@Test
	void commitsLateOnceWhenTheKitchenAcceptsBeforeNoCourier() {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);

		arriveInOrder(ticketAccepted(orderId, sku, 2), orderCancelled(orderId, sku, 2, CancellationReason.NO_COURIER));

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(8, 0));
	}

	@Test
	void commitsLateOnceWhenNoCourierComesBeforeTheKitchenAccepts() {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);

		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.NO_COURIER), ticketAccepted(orderId, sku, 2));

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).isEqualTo(new Stock(8, 0));
	}

	@Test
	void spendsWhatIsFreeAndCountsTheShortfallWhenOtherOrdersReservedTheShelf(CapturedOutput output) {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);
		// After the expiry, other orders reserved 9 of the
		// 10 (held directly: nothing of theirs expires).
		stock().setReserved(sku, 9);
		double before = scrapedShortfall(sku);
		EventEnvelope accepted = ticketAccepted(orderId, sku, 2);

		arriveInOrder(accepted);

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("COMMITTED");
		assertThat(stock().of(sku)).as("1 spent, the other orders' 9 still theirs").isEqualTo(new Stock(9, 9));
		assertThat(output.getAll()).contains("Order " + orderId + ": stock short by {" + sku + "=1}");
		assertThat(scrapedShortfall(sku)).isEqualTo(before + 1);
	}

	@Test
	void putsBackOnlyWhatALateCommitSpentWhenTheOrderIsCancelledWithoutAMeal() {
		String sku = stock().newProduct(10);
		UUID orderId = expiredReservation(sku, 2);
		stock().setReserved(sku, 9);
		arriveInOrder(ticketAccepted(orderId, sku, 2));

		arriveInOrder(orderCancelled(orderId, sku, 2, CancellationReason.DEADLINE_EXCEEDED));

		assertThat(stock().reservationStatusOf(orderId)).isEqualTo("RELEASED");
		assertThat(stock().of(sku)).as("the 1 spent is back; the shortfall never left the count")
			.isEqualTo(new Stock(10, 9));
	}

	/**
	 * Reserves over HTTP and waits until the reservation expired and its stock is back.
	 */
	private UUID expiredReservation(String sku, int quantity) {
		UUID orderId = reserve(sku, quantity);
		await().atMost(PATIENCE).until(() -> stock().reservationStatusOf(orderId).equals("EXPIRED"));
		assertThat(stock().of(sku).reserved()).isZero();
		return orderId;
	}

	/**
	 * The shortfall counter of the SKU as Prometheus scrapes it; 0 before its first
	 * shortfall.
	 */
	private double scrapedShortfall(String sku) {
		String scrape = http().asAdmin().get("/actuator/prometheus").body();
		return scrape.lines()
			.filter(line -> line.startsWith("food_inventory_stock_shortfall_total{"))
			.filter(line -> line.contains("sku=\"" + sku + "\""))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
