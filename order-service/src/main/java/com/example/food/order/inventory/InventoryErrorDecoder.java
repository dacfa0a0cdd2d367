package com.example.food.order.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.food.infrastructure.web.ProblemException;

/**
 * Reads inventory's error statuses the way HTTP means them, which decides what happens
 * next:
 * <ul>
 * <li>409 stock-insufficient and 422 unknown-product are answers about the order, not
 * failures: never retried, never counted by the circuit breaker;</li>
 * <li>5xx and 429 say "not now": a {@link RetryableException}, the one type (with Feign's
 * own for I/O errors and timeouts) that the retry repeats and the breaker counts;</li>
 * <li>any other 4xx means this request is wrong and repeating it cannot help.</li>
 * </ul>
 */
class InventoryErrorDecoder implements ErrorDecoder {

	// A tolerant reader: inventory may add members to its problem details at any time.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Override
	public Exception decode(String methodKey, Response response) {
		int status = response.status();
		byte[] body = body(response);
		if (status == 429 || status >= 500) {
			return new RetryableException(status, "inventory answered " + status, response.request().httpMethod(),
					(Long) null, response.request());
		}
		JsonNode problem = problem(body);
		if (status == 409 && isOfType(problem, "stock-insufficient")) {
			List<Shortage> shortages = new ArrayList<>();
			problem.path("shortages").forEach(shortage -> shortages.add(JSON.treeToValue(shortage, Shortage.class)));
			return new InventoryRefused(new ReservationOutcome.StockInsufficient(shortages));
		}
		if (status == 422 && isOfType(problem, "unknown-product")) {
			List<String> skus = new ArrayList<>();
			problem.path("skus").forEach(sku -> skus.add(sku.asString()));
			return new InventoryRefused(new ReservationOutcome.UnknownProducts(skus));
		}
		return FeignException.errorStatus(methodKey, response.toBuilder().body(body).build());
	}

	private static boolean isOfType(@Nullable JsonNode problem, String type) {
		return problem != null && (ProblemException.TYPE_BASE + type).equals(problem.path("type").asString(""));
	}

	private static @Nullable JsonNode problem(byte[] body) {
		try {
			JsonNode tree = JSON.readTree(body);
			return tree != null && tree.isObject() ? tree : null;
		}
		catch (JacksonException ex) {
			// not a problem detail (a proxy's error
			// page, say): judged by its status alone
			return null;
		}
	}

	private static byte[] body(Response response) {
		if (response.body() == null) {
			return new byte[0];
		}
		try (InputStream in = response.body().asInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

}
