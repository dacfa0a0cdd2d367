package com.example.food.infrastructure.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document every service publishes at /v3/api-docs, with Swagger UI at
 * /swagger-ui.html. What all services share is written here once, so that the controllers
 * carry only what is their own (a summary, their success and failure codes, an example):
 * the error format, the admin login, and the server address.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	/**
	 * The security scheme of {@code /admin/**}: the Authorize button of Swagger UI asks
	 * for this login.
	 */
	public static final String ADMIN_LOGIN = "admin";

	static final String PROBLEM_JSON = "application/problem+json";

	/**
	 * The shape of every error answer (RFC 9457), documented once and given to every 4xx
	 * and 5xx response.
	 */
	@Schema(name = "Problem",
			description = "An RFC 9457 problem detail. Besides the standard members it may carry more, "
					+ "named in the operation's description (orderId, shortages, skus, errors, ...).",
			additionalProperties = AdditionalPropertiesValue.TRUE)
	record Problem(
			@Schema(description = "Stable: a client switches on it",
					example = "https://food.example/problems/order-not-found") URI type,
			@Schema(example = "Order not found") String title, @Schema(example = "404") int status,
			@Schema(example = "There is no order 0b9e0f5e-7c1a-4a37-9d0e-5a2b8c1d3e4f.") String detail,
			@Schema(example = "/orders/0b9e0f5e-7c1a-4a37-9d0e-5a2b8c1d3e4f") @Nullable URI instance) {
	}

	@Bean
	OpenAPI foodOpenApi(Environment environment) {
		return new OpenAPI().info(new Info().title(environment.getProperty("spring.application.name", "food service"))
			// From the jar's manifest (Implementation-Version);
			// absent when run from an IDE or a test.
			.version(environment.getProperty("spring.application.version", "development"))
			.description("""
					One of the five services of the food-ordering reference system (order, inventory, \
					payment, kitchen, delivery). An order starts with `POST /orders` on order-service; \
					the rest of its life is a saga on RabbitMQ events. README.md, "Follow one order", \
					walks through it.

					- Errors are RFC 9457 problem details (`application/problem+json`); their `type`, \
					`https://food.example/problems/<name>`, is stable: switch on it.
					- `/admin/**` needs the admin login (HTTP Basic: `FOOD_ADMIN_USER`, \
					`FOOD_ADMIN_PASSWORD`): press **Authorize** first.
					"""))
			// Relative, so "Try it out" calls whichever address this
			// page was loaded from: localhost:8080 on a laptop, the
			// published port under docker compose, or a proxy in front.
			.servers(List.of(new Server().url("/").description("this service")))
			.components(new Components().addSecuritySchemes(ADMIN_LOGIN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("The admin login: FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD")));
	}

	/**
	 * Completes every operation with what holds for all of them, so that no controller
	 * repeats it: error responses are problem details, a request with a body or
	 * parameters can be refused with 400, and {@code /admin/**} needs the admin login
	 * (else 401).
	 */
	@Bean
	OpenApiCustomizer sharedResponses() {
		return openApi -> {
			addProblemSchema(openApi);
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				ApiResponses responses = operation.getResponses();
				if (operation.getRequestBody() != null || hasParameters(operation)) {
					responses.computeIfAbsent("400", code -> new ApiResponse().description("`invalid-request` "
							+ "(`errors` names each invalid field or parameter) or `malformed-request` (not JSON)"));
				}
				responses.forEach(OpenApiConfiguration::describeContent);
				if (path.startsWith("/admin/")) {
					operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_LOGIN));
					// Spring Security refuses before any controller
					// runs: Boot's error JSON, not a problem detail.
					responses.addApiResponse("401",
							new ApiResponse().description("Without the admin login, or with a wrong one"));
				}
			}));
		};
	}

	private static void addProblemSchema(OpenAPI openApi) {
		ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
		converters.read(Problem.class).forEach(openApi.getComponents()::addSchemas);
	}

	private static boolean hasParameters(Operation operation) {
		return operation.getParameters() != null && !operation.getParameters().isEmpty();
	}

	private static void describeContent(String code, ApiResponse response) {
		if (code.startsWith("4") || code.startsWith("5")) {
			// springdoc would give an error the method's
			// return type; it is a problem detail instead.
			response.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
				.schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem"))));
		}
		else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
			// springdoc writes */* when a method does not say
			// what it produces; every answer here is JSON.
			response.getContent().put("application/json", response.getContent().remove("*/*"));
		}
	}

}
