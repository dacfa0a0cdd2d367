package com.example.food.inventory.product;

import java.math.BigDecimal;
import java.util.List;

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
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ProductIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestStock stock() {
		return new TestStock(jdbc);
	}

	@Test
	void listsTheMenuInSkuOrderWithWhatIsAvailable() {
		String sku = stock().newProduct("Calzone", new BigDecimal("8.90"), 7);
		stock().setReserved(sku, 2);

		Response response = HttpTestClient.on(port).get("/products");

		assertThat(response.status()).isEqualTo(200);
		List<String> skus = response.json().valueStream().map(product -> product.get("sku").asString()).toList();
		assertThat(skus).contains("PIZZA-MARGHERITA", sku).isSorted();
		JsonNode calzone = response.json()
			.valueStream()
			.filter(product -> product.get("sku").asString().equals(sku))
			.findFirst()
			.orElseThrow();
		assertThat(calzone.get("name").asString()).isEqualTo("Calzone");
		assertThat(calzone.get("price").decimalValue()).isEqualByComparingTo("8.90");
		assertThat(calzone.get("available").asInt()).isEqualTo(5);
		assertThat(calzone.get("onHand").asInt()).isEqualTo(7);
		assertThat(calzone.get("reserved").asInt()).isEqualTo(2);
	}

	@Test
	void showsOneProductAndAnswers404ForAnUnknownSku() {
		String sku = stock().newProduct(3);

		Response found = HttpTestClient.on(port).get("/products/" + sku);
		Response missing = HttpTestClient.on(port).get("/products/NO-SUCH-DISH");

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("sku").asString()).isEqualTo(sku);
		assertThat(found.json().get("available").asInt()).isEqualTo(3);
		assertProblem(missing, 404, "product-not-found");
		assertThat(missing.json().get("sku").asString()).isEqualTo("NO-SUCH-DISH");
	}

	@Test
	void letsTheAdminSetTheStockOnHand() {
		String sku = stock().newProduct(3);
		stock().setReserved(sku, 1);

		Response response = HttpTestClient.on(port).asAdmin().putJson(stockOf(sku), """
				{"onHand": 25}""");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("onHand").asInt()).isEqualTo(25);
		assertThat(response.json().get("available").asInt()).isEqualTo(24);
		assertThat(stock().of(sku)).isEqualTo(new Stock(25, 1));
	}

	@Test
	void refusesAStockChangeWithoutCredentials() {
		String sku = stock().newProduct(3);

		Response response = HttpTestClient.on(port).putJson(stockOf(sku), """
				{"onHand": 25}""");

		assertThat(response.status()).isEqualTo(401);
		assertThat(stock().of(sku).onHand()).isEqualTo(3);
	}

	@Test
	void refusesAStockBelowWhatIsReserved() {
		String sku = stock().newProduct(5);
		stock().setReserved(sku, 3);
		HttpTestClient admin = HttpTestClient.on(port).asAdmin();

		Response below = admin.putJson(stockOf(sku), """
				{"onHand": 2}""");
		Response exactlyReserved = admin.putJson(stockOf(sku), """
				{"onHand": 3}""");

		assertProblem(below, 409, "stock-below-reserved");
		assertThat(below.json().get("reserved").asInt()).isEqualTo(3);
		assertThat(exactlyReserved.status()).isEqualTo(200);
		assertThat(stock().of(sku)).isEqualTo(new Stock(3, 3));
	}

	@Test
	void refusesANegativeOrMissingStockAndAnUnknownProduct() {
		String sku = stock().newProduct(5);
		HttpTestClient admin = HttpTestClient.on(port).asAdmin();

		Response negative = admin.putJson(stockOf(sku), """
				{"onHand": -1}""");
		Response missing = admin.putJson(stockOf(sku), "{}");
		Response unknown = admin.putJson(stockOf("NO-SUCH-DISH"), """
				{"onHand": 1}""");

		assertProblem(negative, 400, "invalid-request");
		assertThat(negative.json().get("errors").findValuesAsString("field")).containsExactly("onHand");
		assertProblem(missing, 400, "invalid-request");
		assertProblem(unknown, 404, "product-not-found");
		assertThat(stock().of(sku).onHand()).isEqualTo(5);
	}

	private static String stockOf(String sku) {
		return "/admin/products/" + sku + "/stock";
	}

}
