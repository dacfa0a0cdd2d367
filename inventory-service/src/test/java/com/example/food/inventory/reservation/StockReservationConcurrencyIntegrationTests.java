package com.example.food.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;
import com.example.food.inventory.TestStock;
import com.example.food.inventory.TestStock.Stock;

import static com.example.food.inventory.ReservationRequests.reservation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at the same moment, over real HTTP against the real database: the
 * interleavings a read-then-write implementation would get wrong (overselling the last
 * items, reserving twice for one order, deadlocking two orders that lock the same
 * products in opposite orders).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class StockReservationConcurrencyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestStock stock() {
		return new TestStock(jdbc);
	}

	@Test
	void sellsTheLastItemsExactlyOnceToConcurrentOrders() throws Exception {
		String sku = stock().newProduct(10);

		List<Response> responses = atOnce(60, i -> reservation(UUID.randomUUID(), sku, 1));

		assertThat(countByStatus(responses)).isEqualTo(Map.of(201, 10L, 409, 50L));
		assertThat(stock().of(sku)).isEqualTo(new Stock(10, 10));
		assertThat(stock().of(sku).available()).isZero();
		assertThat(stock().reservationLinesOf(sku)).isEqualTo(10);
	}

	@Test
	void reservesOnceForConcurrentDuplicatesOfOneOrder() throws Exception {
		String sku = stock().newProduct(5);
		UUID orderId = UUID.randomUUID();

		List<Response> responses = atOnce(20, i -> reservation(orderId, sku, 2));

		assertThat(countByStatus(responses)).isEqualTo(Map.of(201, 1L, 200, 19L));
		assertThat(responses.stream().map(Response::json).distinct()).as("every answer is the same reservation")
			.hasSize(1);
		assertThat(stock().of(sku).reserved()).isEqualTo(2);
		assertThat(stock().reservationsOf(orderId)).isEqualTo(1);
	}

	@Test
	void neverDeadlocksOrdersThatNameTheSameProductsInOppositeOrders() throws Exception {
		String first = stock().newProduct(100);
		String second = stock().newProduct(100);

		List<Response> responses = atOnce(40, i -> i % 2 == 0 ? reservation(UUID.randomUUID(), first, 1, second, 1)
				: reservation(UUID.randomUUID(), second, 1, first, 1));

		assertThat(countByStatus(responses)).isEqualTo(Map.of(201, 40L));
		assertThat(stock().of(first).reserved()).isEqualTo(40);
		assertThat(stock().of(second).reserved()).isEqualTo(40);
	}

	/**
	 * Sends the bodies from one thread each, all released by one latch once every thread
	 * is waiting, so that the requests really are in flight together.
	 */
	private List<Response> atOnce(int requests, IntFunction<String> body) throws Exception {
		HttpTestClient http = HttpTestClient.on(port);
		CountDownLatch ready = new CountDownLatch(requests);
		CountDownLatch go = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				String json = body.apply(i);
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return http.postJson("/reservations", json);
				}));
			}
			ready.await();
			go.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
	}

	private static Map<Integer, Long> countByStatus(List<Response> responses) {
		return responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
	}

}
