package com.example.food.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTests {

	@Test
	void hasASampleOfEveryEventType() {
		assertThat(EventSamples.all()).extracting(envelope -> envelope.payload().type())
			.containsExactly(EventType.values());
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void roundTripsEveryEventThroughJson(EventType type) {
		EventEnvelope envelope = EventSamples.envelope(type);

		assertThat(EventJson.read(EventJson.write(envelope))).isEqualTo(envelope);
		assertThat(EventJson.read(EventJson.writeBytes(envelope))).isEqualTo(envelope);
	}

	@Test
	void roundTripsAFreshEnvelopeAndTheOneItCaused() {
		EventEnvelope placed = EventEnvelope.of(EventSamples.envelope(EventType.ORDER_PLACED).payload(),
				UUID.randomUUID());
		EventEnvelope failed = placed.caused(new PaymentFailed("card declined"));

		assertThat(EventJson.read(EventJson.write(placed))).isEqualTo(placed);
		assertThat(EventJson.read(EventJson.write(failed))).isEqualTo(failed);
	}

	@Test
	void writesDatesAsIso8601AndMoneyWithItsScale() {
		String json = EventJson.write(EventSamples.envelope(EventType.ORDER_PLACED));

		assertThat(json).contains("\"occurredAt\":\"2025-11-23T18:04:05.120Z\"")
			.contains("\"unitPrice\":9.50")
			.contains("\"total\":24.25");
	}

	@Test
	void writesThePayloadWithoutItsType() {
		JsonNode payload = tree(EventType.ORDER_PLACED).get("payload");

		assertThat(payload.has("type")).isFalse();
		assertThat(payload.get("lines").get(0).has("lineTotal")).isFalse();
	}

	@Test
	void ignoresUnknownFieldsInEnvelopeAndPayload() {
		ObjectNode json = tree(EventType.PAYMENT_COMPLETED);
		json.put("traceHint", "added by a newer producer");
		payload(json).put("currency", "EUR");
		((ObjectNode) payload(json).get("lines").get(0)).put("allergens", "gluten");

		assertThat(EventJson.read(json.toString())).isEqualTo(EventSamples.envelope(EventType.PAYMENT_COMPLETED));
	}

	@Test
	void readsAnEnvelopeWithoutCausationAsTheFirstOfItsSaga() {
		ObjectNode json = tree(EventType.ORDER_PLACED);
		json.remove("causationId");

		assertThat(EventJson.read(json.toString()).causationId()).isNull();
	}

	@Test
	void rejectsAPayloadWithoutARequiredFieldNamingTheField() {
		ObjectNode json = tree(EventType.ORDER_PLACED);
		payload(json).remove("customerId");

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("order.placed payload is invalid: customerId is required");
	}

	@Test
	void rejectsAnInvalidOrderLineNamingTheField() {
		ObjectNode json = tree(EventType.TICKET_ACCEPTED);
		((ObjectNode) payload(json).get("lines").get(1)).put("quantity", 0);

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("ticket.accepted payload is invalid: quantity must be positive, was 0 (at lines[1])");
	}

	@Test
	void rejectsAnUnknownCancellationReason() {
		ObjectNode json = tree(EventType.ORDER_CANCELLED);
		payload(json).put("reason", "BORED");

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessageStartingWith("order.cancelled payload is invalid: ")
			.hasMessageContaining("BORED")
			.hasMessageContaining("(at reason)");
	}

	@Test
	void rejectsAnUnknownType() {
		ObjectNode json = tree(EventType.ORDER_PLACED);
		json.put("type", "foo.bar");

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("unknown event type 'foo.bar'");
	}

	@Test
	void rejectsAnUnsupportedVersion() {
		ObjectNode json = tree(EventType.ORDER_PLACED);
		json.put("version", 7);

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("event type 'order.placed' version 7 is not supported (supported: 1)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "eventId", "type", "version", "occurredAt", "orderId", "payload" })
	void rejectsAnEnvelopeWithoutARequiredField(String field) {
		ObjectNode json = tree(EventType.DELIVERY_COMPLETED);
		json.remove(field);

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("event envelope is invalid: " + field + " is required");
	}

	@Test
	void rejectsAMalformedId() {
		ObjectNode json = tree(EventType.DELIVERY_COMPLETED);
		json.put("orderId", "order-42");

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessageStartingWith("event envelope is invalid: orderId: ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "type       | 42                       | type: expected a string, was 42",
			"version    | \"1\"                    | version: expected an integer, was string",
			"version    | 1.5                      | version: expected an integer, was 1.5",
			"version    | 99999999999              | version: expected an integer, was 99999999999",
			"eventId    | {}                       | eventId: expected a string, was object",
			"occurredAt | \"yesterday\"            | occurredAt: Text 'yesterday' could not be parsed at index 0",
			"occurredAt | 1700000000               | occurredAt: expected a string, was 1700000000",
			"causationId| \"not-a-uuid\"           | causationId: Invalid UUID string: not-a-uuid" })
	void saysWhichEnvelopeFieldIsMalformedAndHow(String field, String value, String reason) {
		ObjectNode json = tree(EventType.DELIVERY_COMPLETED);
		json.set(field, EventJson.mapper().readTree(value));

		assertThatThrownBy(() -> EventJson.read(json.toString())).isInstanceOf(InvalidEvent.class)
			.hasMessage("event envelope is invalid: " + reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "{\"type\":", "[1, 2]", "42", "null", "{} {}" })
	void rejectsWhatIsNotAJsonObjectAsInvalid(String garbage) {
		assertThatThrownBy(() -> EventJson.read(garbage)).isInstanceOf(InvalidEvent.class)
			.hasMessageStartingWith("event is not");
	}

	private static ObjectNode tree(EventType type) {
		return (ObjectNode) EventJson.mapper().readTree(EventJson.write(EventSamples.envelope(type)));
	}

	private static ObjectNode payload(ObjectNode envelope) {
		return (ObjectNode) envelope.get("payload");
	}

}
