package com.example.food.order.web;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every bad request is refused before anything happens: no order, no event, no call to
 * inventory.
 */
class RequestValidationIntegrationTests extends OrderServiceIntegrationTestSupport {

	@BeforeEach
	void inventoryWouldReserve() {
		inventory.reserves();
	}

	@AfterEach
	void nothingHappened() {
		assertThat(orderRows()).isZero();
		assertThat(outboxRows()).isZero();
		assertThat(inventory.reservationCalls()).isZero();
	}

	static Stream<Arguments> invalidOrders() {
		return Stream.of(
				arguments("no customer", ORDER.replace("\"customerId\": \"c-42\",", ""), new String[] { "customerId" }),
				arguments("customer id too long", ORDER.replace("c-42", "c".repeat(65)), new String[] { "customerId" }),
				arguments("no lines", ORDER.replace("[{\"sku\": \"PIZZA-MARGHERITA\", \"quantity\": 2}]", "[]"),
						new String[] { "lines" }),
				arguments("quantity 0", ORDER.replace("\"quantity\": 2", "\"quantity\": 0"),
						new String[] { "lines[0].quantity" }),
				arguments("quantity 51", ORDER.replace("\"quantity\": 2", "\"quantity\": 51"),
						new String[] { "lines[0].quantity" }),
				arguments("no quantity", ORDER.replace(", \"quantity\": 2", ""), new String[] { "lines[0].quantity" }),
				arguments("blank sku", ORDER.replace("PIZZA-MARGHERITA", " "), new String[] { "lines[0].sku" }),
				arguments("no address", ORDER.replaceAll("\"deliveryAddress\": \\{[^}]*},", ""),
						new String[] { "deliveryAddress" }),
				arguments("blank address fields",
						ORDER.replace("1 Main St", "").replace("Springfield", "").replace("12345", ""),
						new String[] { "deliveryAddress.street", "deliveryAddress.city", "deliveryAddress.postcode" }),
				arguments("no payment token", ORDER.replace(",\n \"paymentToken\": \"tok_visa\"", ""),
						new String[] { "paymentToken" }),
				arguments("everything wrong at once", "{\"lines\": [{\"sku\": \"\", \"quantity\": 99}]}", new String[] {
						"customerId", "lines[0].sku", "lines[0].quantity", "deliveryAddress", "paymentToken" }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidOrders")
	void namesEachInvalidField(String name, String json, String[] fields) {
		Response response = placeOrder(json);

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
	}

	@Test
	void refusesMoreThanTwentyLines() {
		String lines = IntStream.rangeClosed(1, 21)
			.mapToObj(i -> "{\"sku\": \"SKU-" + i + "\", \"quantity\": 1}")
			.collect(Collectors.joining(", ", "[", "]"));

		Response response = placeOrder(ORDER.replace("[{\"sku\": \"PIZZA-MARGHERITA\", \"quantity\": 2}]", lines));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("lines");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("too many lines");
	}

	@Test
	void refusesMalformedJson() {
		Response response = placeOrder("{\"customerId\": \"c-42\", \"lines\": [");

		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void refusesAValueOfTheWrongType() {
		Response response = placeOrder(ORDER.replace("\"quantity\": 2", "\"quantity\": \"two\""));

		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void refusesAnotherContentType() {
		Response response = http().post("/orders", "text/plain", ORDER, Map.of());

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
	}

	@Test
	void refusesAnOversizedBodyBeforeReadingIt() {
		Response response = placeOrder(ORDER.replace("c-42", "c".repeat(70_000)));

		assertProblem(response, 413, "request-too-large");
	}

	@Test
	void refusesAnIdempotencyKeyLongerThanAKey() {
		Response response = placeOrder(ORDER, "k".repeat(256));

		assertProblem(response, 400, "invalid-idempotency-key");
	}

}
