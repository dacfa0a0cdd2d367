package com.example.food.sagaview;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * What each participant of the saga keeps about one order, read from its own public API.
 * The saga's state is spread over five databases; order-service's timeline shows what
 * order-service heard, and this shows what the others hold: inventory's reservation, the
 * payment, the kitchen's ticket, the delivery. The four are asked at once. One that has
 * not heard of the order answers 404, which is a normal moment of a saga, not an error;
 * one that is down shows as unreachable.
 */
class OrderParticipants {

	/** The record a participant keeps of an order, and where its API shows it. */
	private record Kept(String service, String record, String path) {

	}

	private static final List<Kept> RECORDS = List.of(new Kept("inventory", "reservation", "/reservations/{orderId}"),
			new Kept("payment", "payment", "/payments?orderId={orderId}"),
			new Kept("kitchen", "ticket", "/tickets?orderId={orderId}"),
			new Kept("delivery", "delivery", "/deliveries?orderId={orderId}"));

	/**
	 * One participant's record of the order.
	 *
	 * @param record what the service keeps: reservation, payment, ticket or delivery
	 * @param reachable whether the service answered at all
	 * @param status the HTTP status of its answer, if it answered
	 * @param state the record as the service shows it (its {@code status} among the
	 * rest), if it has one
	 * @param problem why there is no record: not heard of the order yet, unreachable, an
	 * error
	 */
	record Participant(String service, String record, boolean reachable, @Nullable Integer status,
			@Nullable JsonNode state, @Nullable String problem) {

	}

	private final ServiceCalls calls;

	private final JsonMapper json;

	OrderParticipants(ServiceCalls calls, JsonMapper json) {
		this.calls = calls;
		this.json = json;
	}

	List<Participant> of(UUID orderId) {
		return ServiceCalls.eachAtOnce(RECORDS, kept -> ask(kept, orderId));
	}

	private Participant ask(Kept kept, UUID orderId) {
		ServiceCalls.Answer answer;
		try {
			answer = calls.call(kept.service(), HttpMethod.GET, kept.path(), Map.of("orderId", orderId), null, null,
					null);
		}
		catch (ServiceUnreachable ex) {
			return new Participant(kept.service(), kept.record(), false, null, null, ex.getMessage());
		}
		int status = answer.status().value();
		if (status == 404) {
			return new Participant(kept.service(), kept.record(), true, status, null,
					"no " + kept.record() + " for this order (not yet, or never)");
		}
		if (!answer.status().is2xxSuccessful()) {
			return new Participant(kept.service(), kept.record(), true, status, null, "answered " + status);
		}
		try {
			return new Participant(kept.service(), kept.record(), true, status, json.readTree(answer.body()), null);
		}
		catch (JacksonException ex) {
			return new Participant(kept.service(), kept.record(), true, status, null,
					"answered something that is not JSON");
		}
	}

}
