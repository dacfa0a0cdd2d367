package com.example.food.delivery.courier;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.delivery.FastDeliveries;
import com.example.food.delivery.TestPool;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's switch over the courier pool, over real HTTP against the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@FastDeliveries
class CourierAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void startWithTheWholePoolAvailable() {
		pool().awaitIdleAndRefill();
	}

	@Test
	void refusesEveryCourierSwitchWithoutCredentials() {
		HttpTestClient anonymous = HttpTestClient.on(port);

		List<Response> responses = List.of(anonymous.get("/admin/couriers"),
				anonymous.postJson("/admin/couriers/empty", ""), anonymous.postJson("/admin/couriers/refill", ""),
				anonymous.putJson("/admin/couriers/courier-1", """
						{"available": false}"""));

		assertThat(responses).extracting(Response::status).containsOnly(401);
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS);
	}

	@Test
	void hiresACourierIntoThePoolOnceAndOnlyForTheAdmin() {
		String id = "courier-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"id": "%s", "name": "Hedy"}""".formatted(id);
		try {
			Response hired = admin().postJson("/admin/couriers", body);

			assertThat(hired.status()).as(hired.body()).isEqualTo(201);
			assertThat(hired.json().get("available").asBoolean()).isTrue();
			assertProblem(admin().postJson("/admin/couriers", body), 409, "courier-already-hired");
			assertThat(HttpTestClient.on(port).postJson("/admin/couriers", body).status()).isEqualTo(401);
			assertProblem(admin().postJson("/admin/couriers", """
					{"id": "x", "name": ""}"""), 400, "invalid-request");
		}
		finally {
			jdbc.sql("delete from courier where id = ?").param(id).update();
		}
	}

	@Test
	void listsThePoolWithWhoIsAvailable() {
		Response response = admin().get("/admin/couriers");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(couriers(response)).extracting(courier -> courier.get("id").asString())
			.containsExactly("courier-1", "courier-2", "courier-3");
		assertThat(couriers(response)).extracting(courier -> courier.get("name").asString())
			.containsExactly("Ada", "Grace", "Linus");
		assertThat(couriers(response)).allMatch(courier -> courier.get("available").asBoolean()
				&& courier.get("onDuty").asBoolean() && courier.get("deliveryId").isNull());
	}

	@Test
	void emptiesThePoolAndRefillsIt() {
		Response emptied = admin().postJson("/admin/couriers/empty", "");

		assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
		assertThat(couriers(emptied)).hasSize(TestPool.COURIERS)
			.noneMatch(courier -> courier.get("available").asBoolean() || courier.get("onDuty").asBoolean());
		assertThat(pool().availableCouriers()).isZero();

		Response refilled = admin().postJson("/admin/couriers/refill", "");

		assertThat(refilled.status()).as(refilled.body()).isEqualTo(200);
		assertThat(couriers(refilled)).allMatch(courier -> courier.get("available").asBoolean());
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS);
	}

	@Test
	void takesOneCourierOffDutyAndBackOn() {
		Response off = admin().putJson("/admin/couriers/courier-2", """
				{"available": false}""");

		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(off.json().get("available").asBoolean()).isFalse();
		assertThat(pool().isAvailable("courier-2")).isFalse();
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS - 1);

		Response on = admin().putJson("/admin/couriers/courier-2", """
				{"available": true}""");

		assertThat(on.json().get("available").asBoolean()).isTrue();
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS);
	}

	@Test
	void answers404ForAnUnknownCourierAnd400ForAMissingSwitch() {
		Response unknown = admin().putJson("/admin/couriers/courier-99", """
				{"available": false}""");
		Response missing = admin().putJson("/admin/couriers/courier-1", "{}");

		assertProblem(unknown, 404, "courier-not-found");
		assertThat(unknown.json().get("courierId").asString()).isEqualTo("courier-99");
		assertProblem(missing, 400, "invalid-request");
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS);
	}

	@Test
	void refillLeavesACourierOutOnADeliveryUnavailableUntilBack() {
		UUID deliveryId = pool().sendOutUntilReleased("courier-1");
		admin().postJson("/admin/couriers/empty", "");

		Response refilled = admin().postJson("/admin/couriers/refill", "");

		JsonNode ada = couriers(refilled).getFirst();
		assertThat(ada.get("id").asString()).isEqualTo("courier-1");
		assertThat(ada.get("onDuty").asBoolean()).isTrue();
		assertThat(ada.get("available").asBoolean()).as("still out on the delivery").isFalse();
		assertThat(ada.get("deliveryId").asString()).isEqualTo(deliveryId.toString());
		assertThat(ada.get("orderId").isNull()).isFalse();
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS - 1);
		assertThat(admin().putJson("/admin/couriers/courier-1", """
				{"available": true}""").json().get("available").asBoolean()).as("on duty, but not back yet").isFalse();

		pool().handOverNow(deliveryId);

		await().until(() -> pool().isAvailable("courier-1"));
		assertThat(pool().statusOf(deliveryId)).isEqualTo("DELIVERED");
	}

	@Test
	void keepsACourierTakenOffDutyDuringADeliveryOutOfThePoolAfterIt() {
		UUID deliveryId = pool().sendOutUntilReleased("courier-3");
		admin().putJson("/admin/couriers/courier-3", """
				{"available": false}""");

		pool().handOverNow(deliveryId);

		await().until(() -> pool().statusOf(deliveryId).equals("DELIVERED"));
		assertThat(pool().isAvailable("courier-3")).as("back from the delivery, but off duty").isFalse();
		assertThat(pool().availableCouriers()).isEqualTo(TestPool.COURIERS - 1);
	}

	private static List<JsonNode> couriers(Response response) {
		return response.json().valueStream().toList();
	}

	private HttpTestClient admin() {
		return HttpTestClient.on(port).asAdmin();
	}

	private TestPool pool() {
		return TestPool.on(jdbc);
	}

}
