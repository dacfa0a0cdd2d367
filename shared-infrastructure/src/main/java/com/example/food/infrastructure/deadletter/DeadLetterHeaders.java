package com.example.food.infrastructure.deadletter;

import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.LongString;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * A dead letter's AMQP headers, kept so that an operator sees everything the message
 * carried. AMQP header values are typed (dates, byte arrays, long strings, nested tables
 * such as the broker's {@code x-death}); they are kept as the plain values JSON has, so
 * that no header can stop the row from being written: a date becomes its ISO-8601 text,
 * bytes their base64 text, anything unknown its {@code toString()}.
 */
final class DeadLetterHeaders {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What was added on the way to the dead letters (by the broker, the recoverer, an
	 * earlier replay), not by whoever published the message: a replay leaves these out.
	 */
	private static final Set<String> ADDED_ON_THE_WAY = Set.of("x-death", "x-delivery-count", "x-acquired-count",
			RepublishMessageRecoverer.X_EXCEPTION_MESSAGE, RepublishMessageRecoverer.X_EXCEPTION_STACKTRACE,
			RepublishMessageRecoverer.X_ORIGINAL_EXCHANGE, RepublishMessageRecoverer.X_ORIGINAL_ROUTING_KEY,
			DeadLetterReason.HEADER, DeadLetterReason.ATTEMPTS_HEADER, DeadLetterAdministration.REPLAYED_FROM_HEADER);

	private DeadLetterHeaders() {
	}

	/**
	 * The headers as plain values: strings, numbers, booleans, lists and maps of them.
	 */
	static Map<String, @Nullable Object> plain(Map<String, @Nullable Object> headers) {
		Map<String, @Nullable Object> plain = new LinkedHashMap<>();
		headers.forEach((name, value) -> plain.put(name, plainValue(value)));
		return plain;
	}

	/** The headers a replay publishes again: the message's own. */
	static Map<String, @Nullable Object> forReplay(Map<String, @Nullable Object> headers) {
		Map<String, @Nullable Object> own = new LinkedHashMap<>(headers);
		own.keySet()
			.removeIf(name -> ADDED_ON_THE_WAY.contains(name) || name.startsWith("x-first-death-")
					|| name.startsWith("x-last-death-"));
		return own;
	}

	static String toJson(Map<String, @Nullable Object> headers) {
		return JSON.writeValueAsString(headers);
	}

	/**
	 * Never fails: a value that is not a JSON object is shown as it is, under
	 * {@code unreadable}.
	 */
	static Map<String, @Nullable Object> fromJson(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			return JSON.readValue(json, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {
			});
		}
		catch (JacksonException ex) {
			return Map.of("unreadable", json);
		}
	}

	private static @Nullable Object plainValue(@Nullable Object value) {
		return switch (value) {
			case null -> null;
			case String text -> text;
			case Number number -> number;
			case Boolean flag -> flag;
			case Date date -> date.toInstant().toString();
			case LongString text -> text.toString();
			case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
			case Map<?, ?> table -> {
				Map<String, @Nullable Object> plain = new LinkedHashMap<>();
				table.forEach((name, inner) -> plain.put(String.valueOf(name), plainValue(inner)));
				yield plain;
			}
			case List<?> list -> list.stream().map(DeadLetterHeaders::plainValue).toList();
			case Object[] array -> plainValue(Arrays.asList(array));
			default -> value.toString();
		};
	}

}
