package com.example.food.payment.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.payment.PaymentIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /admin/gateway: the ledger and the faults, behind the admin login, with problem details
 * for bad input.
 */
class GatewayAdminIntegrationTests extends PaymentIntegrationTestSupport {

	@Test
	void switchesTheFaultsOnAndOff() {
		HttpTestClient admin = http().asAdmin();

		Response set = admin.putJson("/admin/gateway/faults", "{\"delay\": \"PT2S\", \"failNext\": 1}");

		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("delay").asString()).isEqualTo("PT2S");
		assertThat(set.json().get("failNext").asInt()).isEqualTo(1);
		assertThat(admin.get("/admin/gateway/faults").body()).isEqualTo(set.body());
		Response off = admin.delete("/admin/gateway/faults");
		assertThat(off.json().get("delay").asString()).isEqualTo("PT0S");
		assertThat(off.json().get("failNext").asInt()).isZero();
	}

	@Test
	void treatsAMemberLeftOutAsOff() {
		HttpTestClient admin = http().asAdmin();
		admin.putJson("/admin/gateway/faults", "{\"delay\": \"PT2S\", \"failNext\": 1}");

		Response set = admin.putJson("/admin/gateway/faults", "{\"failNext\": 2}");

		assertThat(set.json().get("delay").asString()).isEqualTo("PT0S");
		assertThat(set.json().get("failNext").asInt()).isEqualTo(2);
	}

	@Test
	void refusesFaultsOutOfRangeWithProblemDetails() {
		HttpTestClient admin = http().asAdmin();

		assertProblem(admin.putJson("/admin/gateway/faults", "{\"delay\": \"-PT1S\"}"), 400, "invalid-request");
		assertProblem(admin.putJson("/admin/gateway/faults", "{\"delay\": \"PT2M\"}"), 400, "invalid-request");
		assertProblem(admin.putJson("/admin/gateway/faults", "{\"failNext\": -1}"), 400, "invalid-request");
		assertProblem(admin.putJson("/admin/gateway/faults", "{\"delay\": \"soon\"}"), 400, "malformed-request");
		assertProblem(admin.get("/admin/gateway/ledger?orderId=not-an-id"), 400, "invalid-request");
		assertThat(admin.get("/admin/gateway/faults").json().get("failNext").asInt()).isZero();
	}

	@Test
	void needsTheAdminLogin() {
		assertThat(http().putJson("/admin/gateway/faults", "{\"failNext\": 1}").status()).isEqualTo(401);
		assertThat(http().get("/admin/gateway/ledger").status()).isEqualTo(401);
	}

	@Test
	void documentsItsOperationsInTheOpenApiDocument() {
		JsonNode paths = http().get("/v3/api-docs").json().get("paths");

		assertThat(paths.has("/admin/gateway/faults")).isTrue();
		assertThat(paths.has("/admin/gateway/ledger")).isTrue();
		assertThat(paths.get("/admin/gateway/faults").has("put")).isTrue();
	}

	@Test
	void showsTheLedgerEntriesOfOneOrderAndTheMostRecentOnes() {
		UUID orderId = UUID.randomUUID();
		held(orderId);

		Response ofOrder = http().asAdmin().get("/admin/gateway/ledger?orderId=" + orderId);
		Response recent = http().asAdmin().get("/admin/gateway/ledger");

		assertThat(ofOrder.status()).as(ofOrder.body()).isEqualTo(200);
		assertThat(ofOrder.json()).hasSize(1);
		JsonNode entry = ofOrder.json().get(0);
		assertThat(entry.get("idempotencyKey").asString()).isEqualTo(orderId + ":authorize");
		assertThat(entry.get("operation").asString()).isEqualTo("AUTHORIZE");
		assertThat(entry.get("outcome").asString()).isEqualTo("APPROVED");
		assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(entry.get("recordedAt").isNull()).isFalse();
		assertThat(recent.json()).anySatisfy(
				recorded -> assertThat(recorded.get("idempotencyKey").asString()).isEqualTo(orderId + ":authorize"));
		assertThat(http().asAdmin().get("/admin/gateway/ledger?orderId=" + UUID.randomUUID()).json()).isEmpty();
	}

}
