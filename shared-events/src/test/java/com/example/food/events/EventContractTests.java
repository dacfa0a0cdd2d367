package com.example.food.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract: a version-1 message of each type, kept as written by hand under
 * {@code contracts/v1}. Messages already in queues, outboxes and dead letters look like
 * these, so they must stay readable and producers must keep writing every field they
 * show.
 */
class EventContractTests {

	@ParameterizedTest
	@EnumSource(EventType.class)
	void readsTheVersion1ContractOfEveryEvent(EventType type) {
		assertThat(EventJson.read(contract(type))).isEqualTo(EventSamples.envelope(type));
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void stillWritesEveryFieldOfTheVersion1Contract(EventType type) {
		JsonNode contract = EventJson.mapper().readTree(contract(type));
		JsonNode written = EventJson.mapper().readTree(EventJson.write(EventSamples.envelope(type)));

		assertContains(written, contract, type.routingKey());
	}

	/**
	 * Every value of {@code expected} is in {@code actual}; fields added since are
	 * allowed.
	 */
	private static void assertContains(JsonNode actual, JsonNode expected, String path) {
		if (expected.isObject()) {
			for (Map.Entry<String, JsonNode> field : expected.properties()) {
				String fieldPath = path + "." + field.getKey();
				assertThat(actual.has(field.getKey())).as("%s is written", fieldPath).isTrue();
				assertContains(actual.get(field.getKey()), field.getValue(), fieldPath);
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
			}
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	private static byte[] contract(EventType type) {
		String resource = "/contracts/v1/" + type.routingKey() + ".json";
		try (InputStream in = EventContractTests.class.getResourceAsStream(resource)) {
			assertThat(in).as("contract fixture %s", resource).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource, e);
		}
	}

}
