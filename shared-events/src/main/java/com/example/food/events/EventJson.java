package com.example.food.events;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of an {@link EventEnvelope}, the same in every service.
 *
 * <p>
 * Reading is explicit rather than Jackson polymorphism: the envelope's {@code type} picks
 * the payload record from {@link EventType}, so the wire format has no class names and a
 * message that cannot be read fails with an {@link InvalidEvent} that says why.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		// Consumers ignore what they do not know:
		// producers may add optional fields any time.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		// Money stays exact, scale included: 9.50 is
		// read and written as 9.50, never 9.5 or 9.5E0.
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private EventJson() {
	}

	/**
	 * The mapper configured for events, for code that maps JSON itself (a message
	 * converter, the outbox). Jackson 3 mappers are immutable, so sharing it is safe. It
	 * cannot read an {@link EventEnvelope} on its own, since the payload's class comes
	 * from {@code type}: use {@link #read(byte[])} for that.
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static String write(EventEnvelope envelope) {
		return MAPPER.writeValueAsString(envelope);
	}

	public static byte[] writeBytes(EventEnvelope envelope) {
		return MAPPER.writeValueAsBytes(envelope);
	}

	/**
	 * The event in this JSON.
	 * @throws InvalidEvent if the JSON is not an event this code can process
	 */
	public static EventEnvelope read(String json) {
		return read(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The event in this JSON, as UTF-8 bytes (a message's body).
	 * @throws InvalidEvent if the JSON is not an event this code can process
	 */
	public static EventEnvelope read(byte[] json) {
		return fromTree(parse(json));
	}

	private static JsonNode parse(byte[] json) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(json);
		}
		catch (JacksonException e) {
			throw new InvalidEvent("event is not valid JSON: " + e.getOriginalMessage(), e);
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidEvent("event is not a JSON object");
		}
		return tree;
	}

	private static EventEnvelope fromTree(JsonNode json) {
		EventType type = EventType.of(required(json, "type", EventJson::text));
		int version = required(json, "version", EventJson::integer);
		if (!type.supports(version)) {
			throw new InvalidEvent("event type '" + type.routingKey() + "' version " + version
					+ " is not supported (supported: " + type.version() + ")");
		}
		UUID eventId = required(json, "eventId", node -> UUID.fromString(text(node)));
		Instant occurredAt = required(json, "occurredAt", node -> Instant.parse(text(node)));
		UUID orderId = required(json, "orderId", node -> UUID.fromString(text(node)));
		UUID causationId = optional(json, "causationId", node -> UUID.fromString(text(node)));
		FoodEvent payload = payload(json, type);
		return new EventEnvelope(eventId, type.routingKey(), version, occurredAt, orderId, causationId, payload);
	}

	private static <T> T required(JsonNode json, String field, Function<JsonNode, T> reader) {
		T value = optional(json, field, reader);
		if (value == null) {
			throw new InvalidEvent("event envelope is invalid: " + field + " is required");
		}
		return value;
	}

	/**
	 * The envelope's fields are read straight from the tree, not through Jackson's data
	 * binding: binding a UUID or an Instant from a tree node builds a parser for each,
	 * and those five calls were most of the JSON work of every message a service received
	 * (docs/performance-findings.md).
	 */
	private static <T> @Nullable T optional(JsonNode json, String field, Function<JsonNode, T> reader) {
		JsonNode node = json.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			return reader.apply(node);
		}
		catch (IllegalArgumentException | DateTimeException e) {
			throw new InvalidEvent("event envelope is invalid: " + field + ": " + e.getMessage(), e);
		}
	}

	private static String text(JsonNode node) {
		if (!node.isString()) {
			throw new IllegalArgumentException("expected a string, was " + describe(node));
		}
		return node.stringValue();
	}

	private static int integer(JsonNode node) {
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw new IllegalArgumentException("expected an integer, was " + describe(node));
		}
		return node.intValue();
	}

	private static String describe(JsonNode node) {
		return node.isNumber() ? node.toString() : node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static FoodEvent payload(JsonNode json, EventType type) {
		JsonNode node = json.get("payload");
		if (node == null || !node.isObject()) {
			throw new InvalidEvent("event envelope is invalid: payload is required");
		}
		try {
			return MAPPER.treeToValue(node, type.payloadClass());
		}
		catch (JacksonException e) {
			throw new InvalidEvent(type.routingKey() + " payload is invalid: " + reason(e), e);
		}
	}

	/**
	 * The record's own validation message if it refused the values, else Jackson's;
	 * either with where it happened.
	 */
	private static String reason(JacksonException e) {
		String reason = e.getOriginalMessage();
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
				reason = invalid.getMessage();
				break;
			}
		}
		String path = path(e);
		return path.isEmpty() ? reason : reason + " (at " + path + ")";
	}

	/**
	 * {@code lines[1].quantity}, where Jackson would say
	 * {@code OrderPlaced["lines"]->ArrayList[1]...}.
	 */
	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
