package com.example.food.sagaview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * The dead letters of every service in one list, each tagged with its service. The five
 * are asked at once, each with the proxy's short timeouts: a service that is down shows
 * as unreachable, and the others' letters are still listed.
 */
class SystemDeadLetters {

	private final Services services;

	private final ServiceCalls calls;

	private final JsonMapper json;

	SystemDeadLetters(Services services, ServiceCalls calls, JsonMapper json) {
		this.services = services;
		this.calls = calls;
		this.json = json;
	}

	/** Every service's state, and all their dead letters, newest first. */
	record Overview(List<ServiceState> services, List<JsonNode> deadLetters) {

	}

	/**
	 * @param reachable whether the service answered at all
	 * @param status the HTTP status of its answer, if it answered
	 * @param problem why its letters are missing, if they are
	 * @param deadLetters how many it holds
	 */
	record ServiceState(String service, boolean reachable, @Nullable Integer status, @Nullable String problem,
			int deadLetters) {

	}

	private record Fetched(ServiceState state, List<JsonNode> letters) {

	}

	Overview collect(String authorization) {
		List<Fetched> fetched = ServiceCalls.eachAtOnce(services.names(), service -> fetch(service, authorization));
		List<JsonNode> letters = new ArrayList<>();
		fetched.forEach(f -> letters.addAll(f.letters()));
		letters.sort(Comparator.comparing(SystemDeadLetters::deadLetteredAt).reversed());
		return new Overview(fetched.stream().map(Fetched::state).toList(), letters);
	}

	private Fetched fetch(String service, String authorization) {
		ServiceCalls.Answer answer;
		try {
			answer = calls.call(service, HttpMethod.GET, "/admin/dead-letters", Map.of(), authorization, null, null);
		}
		catch (ServiceUnreachable ex) {
			return new Fetched(new ServiceState(service, false, null, ex.getMessage(), 0), List.of());
		}
		int status = answer.status().value();
		if (!answer.status().is2xxSuccessful()) {
			String problem = status == 401 || status == 403 ? "refused the admin login (" + status + ")"
					: "answered " + status;
			return new Fetched(new ServiceState(service, true, status, problem, 0), List.of());
		}
		try {
			List<JsonNode> letters = new ArrayList<>();
			for (JsonNode letter : json.readTree(answer.body())) {
				if (letter instanceof ObjectNode object) {
					ObjectNode tagged = json.createObjectNode().put("service", service);
					tagged.setAll(object);
					letters.add(tagged);
				}
			}
			return new Fetched(new ServiceState(service, true, status, null, letters.size()), letters);
		}
		catch (JacksonException ex) {
			return new Fetched(
					new ServiceState(service, true, status, "answered something that is not a list of dead letters", 0),
					List.of());
		}
	}

	private static Instant deadLetteredAt(JsonNode letter) {
		try {
			return Instant.parse(letter.path("deadLetteredAt").asString(""));
		}
		catch (RuntimeException ex) {
			return Instant.EPOCH;
		}
	}

}
