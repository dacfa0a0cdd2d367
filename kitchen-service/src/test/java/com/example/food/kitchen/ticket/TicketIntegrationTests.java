package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.RoutingKeys;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketRejected;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.kitchen.KitchenIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment.completed -> ticket.accepted -> (its time comes) -> meal.prepared, or
 * ticket.rejected.
 */
class TicketIntegrationTests extends KitchenIntegrationTestSupport {

	@Test
	void acceptsAPaidOrderThenAnnouncesTheMealWithEverythingDeliveryNeeds() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope paid = paymentCompleted(orderId, "PIZZA-MARGHERITA", "TIRAMISU");

		bus.publish(paid);

		EventEnvelope accepted = bus.awaitEnvelope(TicketAccepted.class, orderId);
		EventEnvelope prepared = bus.awaitEnvelope(MealPrepared.class, orderId);
		PaymentCompleted payment = (PaymentCompleted) paid.payload();
		TicketAccepted ticketAccepted = (TicketAccepted) accepted.payload();
		assertThat(accepted.causationId()).isEqualTo(paid.eventId());
		assertThat(ticketAccepted.lines()).isEqualTo(payment.lines());
		MealPrepared meal = (MealPrepared) prepared.payload();
		assertThat(meal.ticketId()).isEqualTo(ticketAccepted.ticketId());
		assertThat(meal.customerId()).isEqualTo("c-42");
		assertThat(meal.deliveryAddress()).isEqualTo(ADDRESS);
		assertThat(meal.lines()).isEqualTo(payment.lines());
		assertThat(prepared.causationId()).as("the payment that started the cooking").isEqualTo(paid.eventId());
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.MEAL_PREPARED);
		JsonNode ticket = ticket(orderId);
		assertThat(ticket.get("id").asString()).isEqualTo(ticketAccepted.ticketId().toString());
		assertThat(ticket.get("status").asString()).isEqualTo("PREPARED");
		assertThat(ticket.get("lines").findValuesAsString("sku")).containsExactly("PIZZA-MARGHERITA", "TIRAMISU");
		assertThat(ticket.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(Duration.between(Instant.parse(ticket.get("createdAt").asString()),
				Instant.parse(ticket.get("readyAt").asString())))
			.as("the preparation time of the tests")
			.isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void preparesAnAcceptedTicketOnlyOnceItsTimeHasCome() {
		UUID orderId = UUID.randomUUID();
		clock.freeze();

		bus.publish(paymentCompleted(orderId, newSku()));

		bus.await(TicketAccepted.class, orderId);
		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> ticketStatus(orderId).equals("ACCEPTED"));
		clock.unfreeze();
		bus.await(MealPrepared.class, orderId);
		assertThat(ticketStatus(orderId)).isEqualTo("PREPARED");
	}

	@Test
	void rejectsATicketWithADishTheKitchenCannotMakeAndNamesIt() {
		String unavailable = newSku();
		UUID orderId = UUID.randomUUID();
		assertThat(http().putJson("/admin/kitchen/unavailable-skus/" + unavailable, "").status())
			.as("the switch needs the admin login")
			.isEqualTo(401);
		assertThat(http().asAdmin().putJson("/admin/kitchen/unavailable-skus/" + unavailable, "").status())
			.isEqualTo(200);
		try {
			bus.publish(paymentCompleted(orderId, "PIZZA-MARGHERITA", unavailable));

			TicketRejected rejected = bus.await(TicketRejected.class, orderId);
			assertThat(rejected.unavailableSkus()).containsExactly(unavailable);
			assertThat(rejected.reason()).contains(unavailable);
			JsonNode ticket = ticket(orderId);
			assertThat(ticket.get("status").asString()).isEqualTo("REJECTED");
			assertThat(ticket.get("reason").asString()).isEqualTo(rejected.reason());
			assertThat(ticket.get("id").asString()).isEqualTo(rejected.ticketId().toString());
			assertThat(ticket.get("readyAt").isNull()).isTrue();
			await().during(Duration.ofMillis(600))
				.atMost(Duration.ofSeconds(2))
				.until(() -> outboxTypes(orderId).equals(List.of(RoutingKeys.TICKET_REJECTED)));
		}
		finally {
			http().asAdmin().delete("/admin/kitchen/unavailable-skus/" + unavailable);
		}
	}

	@Test
	void makesOneTicketAndOneMealOfADuplicatedOrResentPayment() {
		UUID orderId = UUID.randomUUID();
		EventEnvelope paid = paymentCompleted(orderId, newSku());
		// The same payment announced again under a new event
		// id, as a producer that lost its confirm might.
		EventEnvelope resent = EventEnvelope.of(paid.payload(), orderId);

		bus.publish(paid);
		bus.publish(paid);
		bus.await(MealPrepared.class, orderId);
		bus.publish(resent);

		awaitHandled(resent);
		assertThat(ticketRows(orderId)).isEqualTo(1);
		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> bus.events(TicketAccepted.class, orderId).size() == 1
					&& bus.events(MealPrepared.class, orderId).size() == 1);
		assertThat(outboxTypes(orderId)).containsExactly(RoutingKeys.TICKET_ACCEPTED, RoutingKeys.MEAL_PREPARED);
	}

	@Test
	void answersAnOrderWithoutTicketWithNotFound() {
		UUID orderId = UUID.randomUUID();

		Response response = http().get("/tickets?orderId=" + orderId);

		assertProblem(response, 404, "ticket-not-found");
		assertThat(response.json().get("orderId").asString()).isEqualTo(orderId.toString());
	}

	@Test
	void refusesAnOrderIdThatIsNotAUuid() {
		assertProblem(http().get("/tickets?orderId=42"), 400, "invalid-request");
	}

}
