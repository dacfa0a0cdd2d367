package com.example.food.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order and inventory as two real processes over real HTTP, each with its own database:
 * the partial failures of a remote call, and the race for the last items, end to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderInventoryIntegrationTests {

	static SystemUnderTest system;

	static LocalService inventory;

	static LocalService order;

	static JdbcClient inventoryDb;

	static JdbcClient orderDb;

	@BeforeAll
	static void startOrderAndInventory() {
		// Order's URL of inventory is only known once
		// inventory runs: start inventory first.
		system = new SystemUnderTest().start(Map.of("inventory-service",
				// Longer than order's read timeout: a "lost"
				// response is one the client gave up on.
				Map.of("food.failures.lost-response-delay", "5s")));
		inventory = system.service("inventory-service");
		system.start(Map.of("order-service", Map.of("food.inventory.url", inventory.url())));
		order = system.service("order-service");
		inventoryDb = system.database("inventory-service");
		orderDb = system.database("order-service");
	}

	@AfterAll
	static void stopThem() {
		if (system != null) {
			system.close();
		}
	}

	@AfterEach
	void switchFailuresOff() {
		if (inventory.isRunning()) {
			inventory.http().asAdmin().delete("/admin/failures");
		}
	}

	@Test
	@Order(1)
	void reservesOnceWhenTheFirstResponseIsLost() {
		int reservedBefore = reserved("LASAGNA");
		inventory.http().asAdmin().putJson("/admin/failures", """
				{"loseNextResponses": 1}""");

		Response placed = order.http().postJson("/orders", orderFor("LASAGNA", 2));

		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		UUID orderId = UUID.fromString(placed.json().get("id").asString());
		assertThat(inventoryDb.sql("select count(*) from reservation where order_id = ?")
			.param(orderId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(reserved("LASAGNA")).isEqualTo(reservedBefore + 2);
		assertThat(placed.json().get("status").asString()).isEqualTo("AWAITING_PAYMENT");
	}

	@Test
	@Order(2)
	void sellsTheLastTenItemsToExactlyTenOfSixtyConcurrentOrders() throws Exception {
		setAvailable("TIRAMISU", 10);

		List<Integer> statuses = placeConcurrently(60, 8, orderFor("TIRAMISU", 1));

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(50);
		Map<String, Object> stock = inventoryDb.sql("select on_hand, reserved from product where sku = 'TIRAMISU'")
			.query()
			.singleRow();
		assertThat((Integer) stock.get("on_hand") - (Integer) stock.get("reserved")).isZero();
		assertThat(orderDb.sql("""
				select count(*) from customer_order o join order_line l on l.order_id = o.id
				where l.sku = 'TIRAMISU' and o.status = 'AWAITING_PAYMENT'""").query(Integer.class).single())
			.isEqualTo(10);
		assertThat(orderDb.sql("""
				select count(*) from customer_order o join order_line l on l.order_id = o.id
				where l.sku = 'TIRAMISU' and o.status = 'REJECTED'""").query(Integer.class).single()).isEqualTo(50);
	}

	@Test
	@Order(3)
	void cancelsTheOrderAndAsksForARetryLaterWhenInventoryIsDown() {
		inventory.stop();

		Response refused = order.http().postJson("/orders", orderFor("PIZZA-MARGHERITA", 1));

		assertThat(refused.status()).as(refused.body()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		UUID orderId = UUID.fromString(refused.json().get("orderId").asString());
		Response kept = order.http().get("/orders/" + orderId);
		assertThat(kept.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(kept.json().get("reason").asString()).isEqualTo("INVENTORY_UNAVAILABLE");
		assertThat(orderDb.sql("select routing_key from outbox_message where order_id = ?")
			.param(orderId)
			.query(String.class)
			.list()).containsExactly("order.cancelled");
	}

	private static List<Integer> placeConcurrently(int orders, int threads, String body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return order.http().postJson("/orders", body).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String orderFor(String sku, int quantity) {
		return """
				{"customerId": "c-system", "lines": [{"sku": "%s", "quantity": %d}],
				 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
				 "paymentToken": "tok_visa"}""".formatted(sku, quantity);
	}

	private static int reserved(String sku) {
		return inventoryDb.sql("select reserved from product where sku = ?").param(sku).query(Integer.class).single();
	}

	private static void setAvailable(String sku, int available) {
		Response response = inventory.http()
			.asAdmin()
			.putJson("/admin/products/" + sku + "/stock", "{\"onHand\": " + (reserved(sku) + available) + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

}
