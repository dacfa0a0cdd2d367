package com.example.food.order.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI, as a learner meets them: without a login,
 * describing the operations, the request a learner types, the problem details and the
 * admin login (see OpenApiConfiguration and docs/api-and-walkthrough.md).
 */
class ApiDocumentationIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void publishesTheOpenApiDocumentWithoutLogin() {
		Response response = http().get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode api = response.json();
		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("info").get("title").asString()).isEqualTo("order-service");
		// Relative, so that Swagger UI calls the address
		// it was loaded from, also under docker compose.
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
	}

	@Test
	void listsEveryOrderOperation() {
		JsonNode paths = apiDocs().get("paths");

		assertThat(methods(paths, "/orders")).contains("get", "post");
		assertThat(methods(paths, "/orders/{id}")).contains("get");
		assertThat(methods(paths, "/orders/{id}/timeline")).contains("get");
		assertThat(methods(paths, "/orders/{id}/cancel")).contains("post");
		assertThat(paths.get("/orders").get("post").get("summary").asString()).isEqualTo("Place an order");
	}

	@Test
	void describesTheRequestALearnerTypes() {
		JsonNode api = apiDocs();
		JsonNode body = api.get("paths")
			.get("/orders")
			.get("post")
			.get("requestBody")
			.get("content")
			.get("application/json");

		JsonNode schema = resolve(api, body.get("schema"));
		assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("customerId", "lines", "deliveryAddress",
				"paymentToken");
		assertThat(strings(resolve(api, schema.get("properties").get("lines").get("items")).get("required")))
			.containsExactlyInAnyOrder("sku", "quantity");
		assertThat(body.get("examples").get("approved").get("value"))
			.isEqualTo(JsonMapper.builder().build().readTree(ORDER));
		assertThat(api.get("paths").get("/orders").get("post").get("parameters").get(0).get("name").asString())
			.isEqualTo("Idempotency-Key");
	}

	@Test
	void documentsEachRefusalOfAnOrderAsAProblemDetail() {
		JsonNode api = apiDocs();
		JsonNode responses = api.get("paths").get("/orders").get("post").get("responses");

		assertThat(strings(responses.propertyNames())).contains("201", "200", "400", "409", "422", "503");
		for (String status : List.of("400", "409", "422", "503")) {
			JsonNode problem = responses.get(status).get("content").get("application/problem+json");
			assertThat(problem).as(status).isNotNull();
			assertThat(resolve(api, problem.get("schema")).get("properties").has("type")).isTrue();
		}
		assertThat(responses.get("409").get("description").asString()).contains("stock-insufficient");
		assertThat(api.get("paths")
			.get("/orders/{id}")
			.get("get")
			.get("responses")
			.get("404")
			.get("description")
			.asString()).contains("order-not-found");
	}

	@Test
	void asksForTheAdminLoginOnAdminOperationsOnly() {
		JsonNode api = apiDocs();

		JsonNode scheme = api.get("components").get("securitySchemes").get("admin");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
		JsonNode deadLetters = api.get("paths").get("/admin/dead-letters").get("get");
		assertThat(deadLetters.get("security").get(0).has("admin")).isTrue();
		assertThat(deadLetters.get("responses").has("401")).isTrue();
		assertThat(api.get("paths").get("/orders").get("post").has("security")).isFalse();
	}

	@Test
	void servesSwaggerUiWithoutLogin() {
		Response page = http().get("/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("swagger-ui");

		Response shortcut = http().get("/swagger-ui.html");
		assertThat(shortcut.status()).isEqualTo(302);
		assertThat(shortcut.header("Location")).endsWith("/swagger-ui/index.html");

		Response config = http().get("/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
	}

	private JsonNode apiDocs() {
		Response response = http().get("/v3/api-docs");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** A schema, or the one its {@code $ref} ("#/components/schemas/Name") points at. */
	private static JsonNode resolve(JsonNode api, JsonNode schema) {
		if (!schema.has("$ref")) {
			return schema;
		}
		String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
		return api.get("components").get("schemas").get(name);
	}

	private static List<String> methods(JsonNode paths, String path) {
		assertThat(paths.has(path)).as(path).isTrue();
		return strings(paths.get(path).propertyNames());
	}

	private static List<String> strings(Iterable<?> values) {
		List<String> strings = new ArrayList<>();
		values.forEach(value -> strings.add(value instanceof JsonNode node ? node.asString() : String.valueOf(value)));
		return strings;
	}

}
