package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.events.RoutingKeys;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;
import com.example.food.kitchen.KitchenIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kitchen answers order.cancellation-requested at each point of a ticket's life:
 * granted while no meal is prepared (the accepted ticket is dropped, or a tombstone stops
 * a later one), refused once it is; each answer is an event correlated by the order id
 * and caused by the request.
 */
class TicketCancellationIntegrationTests extends KitchenIntegrationTestSupport {

	@Test
	void grantsTheCancellationOfAnAcceptedTicketBeforeTheMealIsPreparedAndNeverAnnouncesIt() {
		UUID orderId = UUID.randomUUID();
		clock.freeze(); // the meal's time does not come while the test acts
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(TicketAccepted.class, orderId);
		EventEnvelope request = cancellationRequested(orderId, CancellationReason.CUSTOMER_REQUEST);

		bus.publish(request);

		EventEnvelope granted = bus.awaitEnvelope(TicketCancelled.class, orderId);
		assertThat(granted.causationId()).isEqualTo(request.eventId());
		clock.unfreeze(); // its time has now come and gone
		JsonNode ticket = ticket(orderId);
		assertThat(ticket.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ticket.get("reason").asString()).contains("CUSTOMER_REQUEST");
		assertThat(ticket.get("readyAt").isNull()).as("no timer left").isTrue();
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(2))
			.until(() -> bus.events(MealPrepared.class, orderId).isEmpty()
					&& ticketStatus(orderId).equals("CANCELLED"));
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.TICKET_CANCELLED);
	}

	@Test
	void grantsACancellationAskedBeforeThePaymentAndOpensNoTicketForTheLatePayment() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope request = cancellationRequested(orderId, CancellationReason.DEADLINE_EXCEEDED);
		EventEnvelope latePayment = paymentCompleted(orderId, newSku());

		bus.publish(request);
		bus.await(TicketCancelled.class, orderId);
		bus.publish(latePayment);

		awaitHandled(latePayment);
		JsonNode tombstone = ticket(orderId);
		assertThat(tombstone.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(tombstone.get("lines").isEmpty()).as("nothing to cook").isTrue();
		assertThat(tombstone.get("reason").asString()).contains("before the order's payment completed");
		assertThat(ticketRows(orderId)).isEqualTo(1);
		assertThat(outboxTypes(orderId)).as("no ticket.accepted, ticket.rejected or meal.prepared")
			.containsExactly(RoutingKeys.TICKET_CANCELLED);
	}

	@Test
	void refusesTheCancellationOfAPreparedMealAndKeepsTheTicket() {
		UUID orderId = UUID.randomUUID();
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(MealPrepared.class, orderId);
		EventEnvelope request = cancellationRequested(orderId, CancellationReason.CUSTOMER_REQUEST);

		bus.publish(request);

		TicketCancellationRefused refused = bus.await(TicketCancellationRefused.class, orderId);
		assertThat(refused.refusal()).contains("prepared");
		assertThat(ticketStatus(orderId)).isEqualTo("PREPARED");
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.MEAL_PREPARED,
				RoutingKeys.TICKET_CANCELLATION_REFUSED);
	}

	@Test
	void grantsTheCancellationOfARejectedTicketAndLeavesItRejected() {
		String unavailable = newSku();
		UUID orderId = UUID.randomUUID();
		http().asAdmin().putJson("/admin/kitchen/unavailable-skus/" + unavailable, "");
		try {
			bus.publish(paymentCompleted(orderId, unavailable));
			bus.await(TicketRejected.class, orderId);

			bus.publish(cancellationRequested(orderId, CancellationReason.CUSTOMER_REQUEST));

			bus.await(TicketCancelled.class, orderId);
			assertThat(ticketStatus(orderId)).isEqualTo("REJECTED");
		}
		finally {
			http().asAdmin().delete("/admin/kitchen/unavailable-skus/" + unavailable);
		}
	}

	@Test
	void changesNothingTwiceWhenTheSameRequestArrivesTwice() {
		UUID orderId = UUID.randomUUID();
		clock.freeze();
		bus.publish(paymentCompleted(orderId, newSku()));
		bus.await(TicketAccepted.class, orderId);
		EventEnvelope request = cancellationRequested(orderId, CancellationReason.CUSTOMER_REQUEST);
		bus.publish(request);
		awaitHandled(request);
		// a second cancellation, if it changed anything, would show a later updatedAt
		clock.unfreeze();
		String updatedAt = ticket(orderId).get("updatedAt").asString();
		EventEnvelope again = EventEnvelope.of(request.payload(), orderId);

		bus.publish(request);
		bus.publish(again);

		awaitHandled(again); // handled, not failed: a failing handler would not record it
		assertThat(ticket(orderId).get("updatedAt").asString()).isEqualTo(updatedAt);
		assertThat(ticketStatus(orderId)).isEqualTo("CANCELLED");
		// The same request once more (a new event id)
		// gets the same answer again, the duplicate none.
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.TICKET_CANCELLED,
				RoutingKeys.TICKET_CANCELLED);
	}

}
