package com.example.food.infrastructure.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = InfrastructureTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME,
				"food.http.max-request-size=1KB" })
@WithRealInfrastructure
class ProblemDetailsIntegrationTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	@Test
	void acceptsAValidRequest() {
		Response response = http().postJson("/probe", """
				{"name": "x", "items": [{"sku": "A", "quantity": 1}]}""");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void answersMalformedJsonWith400() {
		Response response = http().postJson("/probe", "{\"name\": ");

		assertProblem(response, 400, "malformed-request");
	}

	@Test
	void answersAWrongContentTypeWith415() {
		Response response = http().post("/probe", "text/plain", "name=x", Map.of());

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
	}

	@Test
	void namesEveryInvalidField() {
		Response response = http().postJson("/probe", """
				{"name": "", "items": [{"sku": "A", "quantity": 0}, {"sku": "", "quantity": 21}]}""");

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"items[0].quantity", "items[1].sku", "items[1].quantity");
	}

	@Test
	void namesAMalformedPathVariable() {
		Response response = http().get("/probe/items/not-a-uuid");

		assertProblem(response, 400, "invalid-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("id");
	}

	@Test
	void refusesAnOversizedBodyBeforeReadingIt() {
		Response response = http().postJson("/probe", "{\"name\": \"" + "x".repeat(2_000) + "\", \"items\": []}");

		assertProblem(response, 413, "request-too-large");
	}

	@Test
	void turnsAProblemExceptionIntoItsStatusTypeMembersAndHeaders() {
		Response response = http().get("/probe/problem");

		assertProblem(response, 409, "thing-short");
		assertThat(response.json().get("title").asString()).isEqualTo("Thing short");
		assertThat(response.json().get("detail").asString()).isEqualTo("Not enough things.");
		assertThat(response.json().get("things").toString()).isEqualTo("[\"A\",\"B\"]");
		assertThat(response.header("Retry-After")).isEqualTo("7");
	}

	@Test
	void hidesTheInternalsOfAnUnexpectedFailure() {
		Response response = http().get("/probe/bug");

		assertProblem(response, 500, "internal-error");
		assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("Exception");
	}

}
