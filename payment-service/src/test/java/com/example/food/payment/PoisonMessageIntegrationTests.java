package com.example.food.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;
import com.example.food.events.RoutingKeys;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order.placed that can never be charged goes to the dead letters at once, for an
 * operator to see.
 */
class PoisonMessageIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void deadLettersAMalformedOrderPlacedAsPoison() {
		String marker = UUID.randomUUID().toString();
		// The probe's own listener cannot read this either and would requeue it to itself
		// in a loop: it stops listening (its queue goes with it) and only publishes.
		bus.close();

		bus.publishRaw(RoutingKeys.ORDER_PLACED, "{\"marker\": \"" + marker + "\", not json");

		JsonNode letter = awaitDeadLetterWithBodyContaining(marker);
		assertThat(letter.get("reason").asString()).isEqualTo("POISON");
		assertThat(letter.get("originalRoutingKey").asString()).isEqualTo(RoutingKeys.ORDER_PLACED);
		assertThat(letter.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void deadLettersAnOrderWhoseTotalHasFractionsOfACentAsPoisonWithoutChargingIt() {
		UUID orderId = UUID.randomUUID();
		OrderLine line = new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 1, new BigDecimal("9.505"));
		OrderPlaced order = new OrderPlaced("c-42", List.of(line), line.lineTotal(),
				orderPlaced("tok_visa").deliveryAddress(), "tok_visa");
		EventEnvelope placed = EventEnvelope.of(order, orderId);

		bus.publish(placed);

		JsonNode letter = awaitDeadLetterWithBodyContaining(placed.eventId().toString());
		assertThat(letter.get("reason").asString()).isEqualTo("POISON");
		assertThat(letter.get("exception").asString()).contains("fractions of a cent");
		assertThat(payments(orderId)).isZero();
	}

	private JsonNode awaitDeadLetterWithBodyContaining(String text) {
		return await().atMost(PATIENCE).until(() -> deadLetterWithBodyContaining(text), letter -> letter != null);
	}

	private JsonNode deadLetterWithBodyContaining(String text) {
		HttpTestClient admin = http().asAdmin();
		Response list = admin.get("/admin/dead-letters");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		for (JsonNode summary : list.json()) {
			JsonNode letter = admin.get("/admin/dead-letters/" + summary.get("id").asString()).json();
			if (letter.get("body").asString().contains(text)) {
				return letter;
			}
		}
		return null;
	}

}
