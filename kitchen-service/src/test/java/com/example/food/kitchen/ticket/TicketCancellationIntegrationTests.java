package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.events.RoutingKeys;
import com.example.food.events.TicketAccepted;
import com.example.food.kitchen.KitchenIntegrationTestSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order.cancelled at each point of a ticket's life: the ticket is dropped while the meal is not made
 * yet, kept once it is, and an order cancelled before its payment completed never gets one.
 */
class TicketCancellationIntegrationTests extends KitchenIntegrationTestSupport {

	@Test
	void cancelsAnAcceptedTicketBeforeTheMealIsPreparedAndNeverAnnouncesIt() {
		UUID orderId = UUID.randomUUID();
		clock.freeze(); // the meal's time does not come while the test acts
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(TicketAccepted.class, orderId);
		EventEnvelope cancelled = orderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST);

		bus.publish(cancelled);

		awaitHandled(cancelled);
		clock.unfreeze(); // its time has now come and gone
		JsonNode ticket = ticket(orderId);
		assertThat(ticket.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ticket.get("reason").asString()).contains("CUSTOMER_REQUEST");
		assertThat(ticket.get("readyAt").isNull()).as("no timer left").isTrue();
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
			.until(() -> bus.events(MealPrepared.class, orderId).isEmpty() && ticketStatus(orderId).equals("CANCELLED"));
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED);
	}

	@Test
	void makesNoTicketForAPaymentThatCompletesAfterTheOrderWasCancelled() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope cancelled = orderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST);
		EventEnvelope latePayment = paymentCompleted(orderId, newSku());

		bus.publish(cancelled);
		awaitHandled(cancelled);
		bus.publish(latePayment);

		awaitHandled(latePayment);
		JsonNode tombstone = ticket(orderId);
		assertThat(tombstone.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(tombstone.get("lines").isEmpty()).as("nothing to cook").isTrue();
		assertThat(tombstone.get("reason").asString()).contains("before its payment completed");
		assertThat(ticketRows(orderId)).isEqualTo(1);
		assertThat(outbox(orderId)).as("no ticket.accepted, ticket.rejected or meal.prepared").isEmpty();
	}

	@Test
	void keepsAPreparedTicketWhenTheOrderIsCancelledAfterwards() {
		UUID orderId = UUID.randomUUID();
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(MealPrepared.class, orderId);
		EventEnvelope cancelled = orderCancelled(orderId, CancellationReason.NO_COURIER);

		bus.publish(cancelled);

		awaitHandled(cancelled);
		assertThat(ticketStatus(orderId)).isEqualTo("PREPARED");
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.MEAL_PREPARED);
	}

	@Test
	void changesNothingWhenTheSameCancellationArrivesTwice() {
		UUID orderId = UUID.randomUUID();
		clock.freeze();
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(TicketAccepted.class, orderId);
		EventEnvelope cancelled = orderCancelled(orderId, CancellationReason.CUSTOMER_REQUEST);
		bus.publish(cancelled);
		awaitHandled(cancelled);
		clock.unfreeze(); // a second cancellation, if it changed anything, would show a later updatedAt
		String updatedAt = ticket(orderId).get("updatedAt").asString();
		EventEnvelope again = EventEnvelope.of(cancelled.payload(), orderId);

		bus.publish(cancelled);
		bus.publish(again);

		awaitHandled(again); // handled, not failed: a failing handler would not record it
		assertThat(ticket(orderId).get("updatedAt").asString()).isEqualTo(updatedAt);
		assertThat(ticketStatus(orderId)).isEqualTo("CANCELLED");
	}
}
