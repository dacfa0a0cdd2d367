package com.example.food.inventory.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class StockReservationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestStock stock() {
		return new TestStock(jdbc);
	}

	HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	@Test
	void reservesEveryLineAndAnswersWithNamesAndUnitPrices() {
		String pizza = stock().newProduct("Pizza Bianca", new BigDecimal("9.50"), 10);
		String soda = stock().newProduct("Soda", new BigDecimal("3.00"), 10);
		UUID orderId = UUID.randomUUID();

		Response response = http().postJson("/reservations", reservation(orderId, soda, 1, pizza, 2));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo("/reservations/" + orderId);
		JsonNode body = response.json();
		assertThat(body.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(body.get("status").asString()).isEqualTo("RESERVED");
		assertThat(body.get("lines").findValuesAsString("sku")).as("in SKU order").isSorted().hasSize(2);
		JsonNode pizzaLine = withSku(body.get("lines"), pizza);
		assertThat(pizzaLine.get("name").asString()).isEqualTo("Pizza Bianca");
		assertThat(pizzaLine.get("quantity").asInt()).isEqualTo(2);
		assertThat(pizzaLine.get("unitPrice").decimalValue()).isEqualByComparingTo("9.50");
		assertThat(withSku(body.get("lines"), soda).get("unitPrice").decimalValue()).isEqualByComparingTo("3.00");
		Instant createdAt = Instant.parse(body.get("createdAt").asString());
		assertThat(Duration.between(createdAt, Instant.parse(body.get("expiresAt").asString())))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(stock().of(pizza).reserved()).isEqualTo(2);
		assertThat(stock().of(soda).reserved()).isEqualTo(1);
		assertThat(http().get("/reservations/" + orderId).json()).isEqualTo(body);
	}

	@Test
	void answersARepeatWithTheSameReservationAndReservesOnce() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response first = http().postJson("/reservations", reservation(orderId, sku, 3));
		Response repeat = http().postJson("/reservations", reservation(orderId, sku, 3));

		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json()).isEqualTo(first.json());
		assertThat(stock().of(sku).reserved()).isEqualTo(3);
		assertThat(stock().reservationsOf(orderId)).isEqualTo(1);
	}

	@Test
	void refusesTheSameOrderIdForOtherLines() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		http().postJson("/reservations", reservation(orderId, sku, 3));

		Response other = http().postJson("/reservations", reservation(orderId, sku, 4));

		assertProblem(other, 409, "reservation-conflict");
		assertThat(stock().of(sku).reserved()).isEqualTo(3);
	}

	@Test
	void reservesASkuNamedTwiceOnceForTheSum() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response response = http().postJson("/reservations", reservation(orderId, sku, 1, sku, 2));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("lines").size()).isEqualTo(1);
		assertThat(response.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		assertThat(stock().of(sku).reserved()).isEqualTo(3);
	}

	@Test
	void reservesNothingWhenALineIsShortAndNamesEveryShortSku() {
		String plenty = stock().newProduct(10);
		String fewLeft = stock().newProduct(1);
		String soldOut = stock().newProduct(0);
		UUID orderId = UUID.randomUUID();

		Response response = http().postJson("/reservations", reservation(orderId, plenty, 2, fewLeft, 3, soldOut, 1));

		assertProblem(response, 409, "stock-insufficient");
		JsonNode shortages = response.json().get("shortages");
		assertThat(shortages.findValuesAsString("sku")).containsExactlyInAnyOrder(fewLeft, soldOut);
		assertThat(withSku(shortages, fewLeft).get("requested").asInt()).isEqualTo(3);
		assertThat(withSku(shortages, fewLeft).get("available").asInt()).isEqualTo(1);
		assertThat(withSku(shortages, soldOut).get("available").asInt()).isZero();
		assertThat(stock().of(plenty).reserved()).as("all or nothing").isZero();
		assertThat(stock().of(fewLeft).reserved()).isZero();
		assertThat(stock().reservationsOf(orderId)).isZero();
	}

	@Test
	void refusesUnknownSkusAndStoresNothing() {
		String known = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response response = http().postJson("/reservations",
				reservation(orderId, known, 1, "NO-SUCH-DISH", 1, "NOR-THIS", 2));

		assertProblem(response, 422, "unknown-product");
		assertThat(response.json().get("skus").valueStream().map(JsonNode::asString)).containsExactly("NO-SUCH-DISH",
				"NOR-THIS");
		assertThat(stock().of(known).reserved()).isZero();
		assertThat(stock().reservationsOf(orderId)).isZero();
	}

	@Test
	void refusesInvalidRequestsNamingTheField() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response noOrderId = http().postJson("/reservations", """
				{"lines": [{"sku": "%s", "quantity": 1}]}""".formatted(sku));
		Response zeroQuantity = http().postJson("/reservations", reservation(orderId, sku, 0));
		Response noLines = http().postJson("/reservations", """
				{"orderId": "%s", "lines": []}""".formatted(orderId));

		assertProblem(noOrderId, 400, "invalid-request");
		assertThat(noOrderId.json().get("errors").findValuesAsString("field")).containsExactly("orderId");
		assertProblem(zeroQuantity, 400, "invalid-request");
		assertThat(zeroQuantity.json().get("errors").findValuesAsString("field")).containsExactly("lines[0].quantity");
		assertProblem(noLines, 400, "invalid-request");
		assertThat(noLines.json().get("errors").findValuesAsString("field")).containsExactly("lines");
		assertThat(stock().of(sku).reserved()).isZero();
		assertThat(stock().reservationsOf(orderId)).isZero();
	}

	@Test
	void releasesTheStockOnceHoweverOftenItIsReleased() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		UUID otherOrderId = UUID.randomUUID();
		http().postJson("/reservations", reservation(orderId, sku, 2));
		http().postJson("/reservations", reservation(otherOrderId, sku, 3));

		Response release = http().delete("/reservations/" + orderId);
		Response again = http().delete("/reservations/" + orderId);

		assertThat(release.status()).isEqualTo(200);
		assertThat(release.json().get("status").asString()).isEqualTo("RELEASED");
		assertThat(release.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(release.json());
		assertThat(stock().of(sku).reserved()).as("only the other order's 3 are still held").isEqualTo(3);
	}

	@Test
	void answersALateReservationWithTheTombstoneOfAnEarlierRelease() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();

		Response release = http().delete("/reservations/" + orderId);
		Response late = http().postJson("/reservations", reservation(orderId, sku, 2));

		assertThat(release.status()).isEqualTo(200);
		assertThat(release.json().get("status").asString()).isEqualTo("RELEASED");
		assertThat(release.json().get("lines").size()).isZero();
		assertThat(late.status()).isEqualTo(200);
		assertThat(late.json()).isEqualTo(release.json());
		assertThat(stock().of(sku).reserved()).isZero();
	}

	@Test
	void refusesToReleaseACommittedReservation() {
		String sku = stock().newProduct(10);
		UUID orderId = UUID.randomUUID();
		http().postJson("/reservations", reservation(orderId, sku, 2));
		stock().setReservationStatus(orderId, "COMMITTED");

		Response response = http().delete("/reservations/" + orderId);

		assertProblem(response, 409, "reservation-committed");
		assertThat(stock().of(sku).reserved()).isEqualTo(2);
	}

	@Test
	void answers404ForAnOrderWithoutReservation() {
		assertProblem(http().get("/reservations/" + UUID.randomUUID()), 404, "reservation-not-found");
	}

	private static JsonNode withSku(JsonNode array, String sku) {
		return array.valueStream().filter(node -> node.get("sku").asString().equals(sku)).findFirst().orElseThrow();
	}

}
