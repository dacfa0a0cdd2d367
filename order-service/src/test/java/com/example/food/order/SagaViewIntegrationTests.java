package com.example.food.order;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga view as order-service serves it, from the saga-view module that
 * {@link OrderServiceApplication} imports: the page at its own paths, linked from
 * order-service's root, and the admin proxy behind the admin login, with the five
 * services that order-service's application.yml names. What the proxy does is proven in
 * the saga-view module (SystemAdminProxyIntegrationTests); this checks only that
 * order-service includes it. No call here leaves order-service.
 */
class SagaViewIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void servesThePageAtItsOwnPathsLinkedFromTheRoot() {
		Response page = http().get("/saga-view/");
		Response withoutSlash = http().get("/saga-view");
		Response root = http().get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Saga view");
		assertThat(withoutSlash.status()).isEqualTo(302);
		assertThat(withoutSlash.header("Location")).endsWith("/saga-view/");
		assertThat(http().get("/saga-view/saga-view.js").status()).isEqualTo(200);
		assertThat(http().get("/saga-view/saga-view.css").status()).isEqualTo(200);
		assertThat(root.status()).isEqualTo(200);
		assertThat(root.body()).contains("href=\"saga-view/\"");
	}

	@Test
	void keepsTheAdminProxyBehindTheAdminLogin() {
		assertThat(http().get("/admin/system/dead-letters").status()).isEqualTo(401);
	}

	@Test
	void knowsTheFiveServicesItsApplicationYmlNames() {
		Response unknown = http().asAdmin().get("/admin/system/billing/handler-failures");

		assertProblem(unknown, 404, "unknown-service");
		assertThat(strings(unknown.json().get("services"))).containsExactly("order", "inventory", "payment", "kitchen",
				"delivery");
		assertProblem(http().asAdmin().postJson("/admin/system/payment/couriers/empty", ""), 404,
				"admin-call-not-allowed");
	}

	private static List<String> strings(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

}
