package com.example.food.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.Servers;
import com.example.food.infrastructure.testsupport.TcpProxy;
import com.example.food.infrastructure.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run: orders from several clients with a mix of outcomes, while every service is killed
 * with SIGKILL and restarted, the broker and the database are cut off for a while (TCP proxies this
 * test controls), and one participant is frozen so that it lags. Then it waits for the system to
 * settle and checks every order's story at the five services against the table
 * ({@link SagaAgreement}): nothing lost, nothing stuck, no disagreement, money and stock conserved.
 * It ends with a summary in the manner of Jepsen's and fails on any lost, stuck or disagreeing order.
 *
 * <p>Bounded in time and count, loopback only, stops by itself. Its size comes from system
 * properties (docs/chaos.md): {@code food.chaos.orders} (default 150), {@code food.chaos.clients}
 * (4), {@code food.chaos.seed} (random), {@code food.chaos.settle} (seconds, 240).
 */
class ChaosIntegrationTests {

	private static final int ORDERS = Integer.getInteger("food.chaos.orders", 150);

	private static final int CLIENTS = Integer.getInteger("food.chaos.clients", 4);

	private static final long SEED = Long.getLong("food.chaos.seed", System.nanoTime());

	private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("food.chaos.settle", 240));

	/**
	 * The orders are spread over this long: the faults take about four minutes on two cores, and a
	 * big run places four orders a second, so that orders are placed through every fault.
	 */
	private static final Duration LOAD = Duration.ofSeconds(Math.max(240, ORDERS / 4));

	private static final List<String> SERVICES = List.of("inventory-service", "order-service", "payment-service",
			"kitchen-service", "delivery-service");

	/** What the kitchen cannot make during the run: orders of it are rejected. */
	private static final String UNAVAILABLE = "LASAGNA";

	private static final List<String> MENU = List.of("PIZZA-MARGHERITA", "PIZZA-DIAVOLA", "PASTA-CARBONARA", "TIRAMISU",
			"LEMONADE");

	private static final String DATABASE_UNAVAILABLE = ProblemException.TYPE_BASE + "database-unavailable";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SystemUnderTest system;

	private static TcpProxy broker;

	private static TcpProxy database;

	private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();

	private final Set<UUID> placed = ConcurrentHashMap.newKeySet();

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final List<String> faults = new CopyOnWriteArrayList<>();

	private final List<String> replayAnswers = new CopyOnWriteArrayList<>();


	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
		if (broker != null) {
			broker.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void everyOrderEndsInOneStoryAtTheFiveServicesWhateverFailsMeanwhile() throws Exception {
		Instant started = Instant.now();
		progress("%d orders from %d clients over %ds, seed %d", ORDERS, CLIENTS, LOAD.toSeconds(), SEED);
		startTheSystem();
		HttpTestClient kitchen = admin("kitchen-service");
		assertThat(kitchen.putJson("/admin/kitchen/unavailable-skus", "[\"" + UNAVAILABLE + "\"]").status()).isEqualTo(200);
		for (String sku : concat(MENU, UNAVAILABLE)) {
			Response stocked = admin("inventory-service").putJson("/admin/products/" + sku + "/stock", "{\"onHand\": 100000}");
			assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
		}
		SagaAgreement agreement = new SagaAgreement(system);
		Map<String, Integer> stockBefore = agreement.onHand();

		ScheduledExecutorService pacer = Executors.newScheduledThreadPool(1);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		Random random = new Random(SEED);
		long gapNanos = LOAD.toNanos() / ORDERS;
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			Scenario scenario = Scenario.pick(random);
			long cancelAfterMillis = random.nextInt(2500);
			String sku = scenario == Scenario.KITCHEN_REJECTS ? UNAVAILABLE : MENU.get(random.nextInt(MENU.size()));
			work.add(pacer.schedule(() -> clients.submit(() -> placeOrder(scenario, sku, cancelAfterMillis, pacer)),
					i * gapNanos, TimeUnit.NANOSECONDS));
		}
		injectFaults();
		for (Future<?> each : work) {
			each.get();
		}
		clients.shutdown();
		clients.awaitTermination(2, TimeUnit.MINUTES);
		pacer.shutdown();
		pacer.awaitTermination(1, TimeUnit.MINUTES);
		progress("load over after %ds: %d acknowledged, answers %s", Duration.between(started, Instant.now()).toSeconds(),
				acknowledged.size(), answers);

		SagaAgreement.Report report = settle(agreement, stockBefore);
		int deadLettersLeft = deadLetters();
		String summary = summary(report, deadLettersLeft, publishedTwice(), Duration.between(started, Instant.now()));
		System.out.println(summary);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "chaos-summary.txt"), summary);
		kitchen.putJson("/admin/kitchen/unavailable-skus", "[]");

		assertThat(report.agrees()).as(summary).isTrue();
		assertThat(deadLettersLeft).as("dead letters left after the run").isZero();
		assertThat(replayAnswers).as("a replay while the database is down is refused, and the dead letter kept")
			.containsExactly("during the cut 503 " + DATABASE_UNAVAILABLE, "kept through the cut 200, replayed after 202");
	}

	/** The mix of outcomes the clients ask for; the faults add deadlines and no-courier ends of their own. */
	enum Scenario {

		APPROVED, DECLINED, KITCHEN_REJECTS, CUSTOMER_CANCELS;

		static Scenario pick(Random random) {
			int roll = random.nextInt(100);
			return roll < 55 ? APPROVED : roll < 65 ? DECLINED : roll < 75 ? KITCHEN_REJECTS : CUSTOMER_CANCELS;
		}
	}

	private void placeOrder(Scenario scenario, String sku, long cancelAfterMillis, ScheduledExecutorService pacer) {
		String token = scenario == Scenario.DECLINED ? "tok_declined" : "tok_visa";
		Response response;
		try {
			response = order().postJson("/orders", """
					{"customerId": "c-chaos", "lines": [{"sku": "%s", "quantity": 1}],
					 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
					 "paymentToken": "%s"}""".formatted(sku, token));
		}
		catch (IllegalStateException unreachable) {
			count("place: unreachable");
			return;
		}
		count("place: " + response.status());
		String id = response.status() == 201 ? response.json().path("id").stringValue(null)
				: response.body().contains("orderId") ? response.json().path("orderId").stringValue(null) : null;
		if (id == null) {
			return;
		}
		UUID orderId = UUID.fromString(id);
		placed.add(orderId);
		if (response.status() == 201) {
			acknowledged.add(orderId);
			if (scenario == Scenario.CUSTOMER_CANCELS) {
				// Timed to race the kitchen: some requests come before it accepts, some while it cooks, some after.
				pacer.schedule(() -> cancel(orderId), cancelAfterMillis, TimeUnit.MILLISECONDS);
			}
		}
	}

	private void cancel(UUID orderId) {
		try {
			count("cancel: " + order().postJson("/orders/" + orderId + "/cancel", "").status());
		}
		catch (IllegalStateException unreachable) {
			count("cancel: unreachable");
		}
	}

	/**
	 * Each fault in turn, each bounded and undone before the next; every service is killed once (two
	 * at a time where their restarts may overlap, to keep the run short). The outages are long on
	 * purpose: far longer than any retry, so that a message failed for the infrastructure's sake
	 * would be a dead letter by the end of them.
	 */
	private void injectFaults() {
		kill("payment-service");
		cut(broker, "broker", Duration.ofSeconds(30), () -> {
		});
		kill("delivery-service");
		killWhileHoldingMessages("kitchen-service");
		DeadLetter planted = plantDeadLetter("kitchen-service", "payment.completed");
		cut(database, "database", Duration.ofSeconds(90), () -> replayWhileTheDatabaseIsDown(planted));
		replayOnceTheDatabaseIsBack(planted);
		lag("delivery-service", Duration.ofSeconds(8));
		noCourierFor(Duration.ofSeconds(3));
		kill("inventory-service", "order-service");
	}

	private void kill(String... services) {
		pause(Duration.ofSeconds(3));
		Instant at = Instant.now();
		List.of(services).forEach(service -> system.service(service).kill());
		List.of(services).parallelStream().forEach(service -> system.restart(service, settings(service)));
		fault("SIGKILL " + String.join(" and ", services) + ", restarted and ready after "
				+ Duration.between(at, Instant.now()).toSeconds() + "s");
	}

	/**
	 * Freezes a consumer (SIGSTOP) until the broker shows it holding delivered, unacknowledged
	 * messages, then kills it: the broker must give those messages to the restarted one.
	 */
	private void killWhileHoldingMessages(String service) {
		pause(Duration.ofSeconds(3));
		system.service(service).pause();
		String queue = service.replace("-service", "") + ".events";
		Instant deadline = Instant.now().plusSeconds(30);
		int held = 0;
		while (held == 0 && Instant.now().isBefore(deadline)) {
			pause(Duration.ofSeconds(1));
			// The broker's queue statistics are refreshed every few seconds.
			held = unacknowledged(queue);
		}
		Instant at = Instant.now();
		system.service(service).kill();
		system.restart(service, settings(service));
		fault("SIGKILL " + service + " while it held " + held + " unacknowledged message(s), restarted and ready after "
				+ Duration.between(at, Instant.now()).toSeconds() + "s");
	}

	private int unacknowledged(String queue) {
		return JSON.readTree(system.workspace().management("GET", "queues", queue, null))
			.path("messages_unacknowledged").asInt(0);
	}

	private void cut(TcpProxy proxy, String what, Duration howLong, Runnable meanwhile) {
		pause(Duration.ofSeconds(3));
		proxy.cut();
		Instant back = Instant.now().plus(howLong);
		pause(howLong.dividedBy(3));
		meanwhile.run();
		pause(Duration.between(Instant.now(), back).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), back));
		proxy.restore();
		fault("cut the " + what + " for " + howLong.toSeconds() + "s");
	}

	/** A dead letter an operator will replay: a copy of an event the service has already handled. */
	record DeadLetter(String service, String id) {
	}

	/**
	 * Puts a copy of an event the service has handled already into its dead-letter queue, as the
	 * service would after its retries, and waits until it is stored: replaying it must change nothing.
	 */
	private DeadLetter plantDeadLetter(String service, String routingKey) {
		Map<String, Object> event = system.database("payment-service")
			.sql("select event_id::text as id, payload from outbox_message where routing_key = ? and sent_at is not null "
					+ "order by id limit 1")
			.param(routingKey)
			.query()
			.singleRow();
		String queue = service.replace("-service", "") + ".events";
		String message = JSON.writeValueAsString(Map.of("routing_key", queue + ".dlq", "payload", event.get("payload"),
				"payload_encoding", "string", "properties", Map.of("message_id", event.get("id"), "content_type",
						"application/json", "delivery_mode", 2, "headers", Map.of("x-food-dead-letter-reason",
								"RETRIES_EXHAUSTED", "x-food-attempts", 4, "x-original-routingKey", routingKey))));
		system.workspace().management("POST", "exchanges", "food.events.dlx/publish", message);
		HttpTestClient admin = admin(service);
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			for (var letter : admin.get("/admin/dead-letters").json()) {
				if (event.get("id").equals(letter.path("eventId").asString(""))) {
					return new DeadLetter(service, letter.path("id").asString());
				}
			}
			pause(Duration.ofMillis(500));
		}
		throw new IllegalStateException("the planted dead letter was not stored at " + service);
	}

	/** The operator presses "replay" while the database is down: refused, and nothing is lost. */
	private void replayWhileTheDatabaseIsDown(DeadLetter letter) {
		Response refused = admin(letter.service()).post("/admin/dead-letters/" + letter.id() + "/replay",
				"application/json", "", Map.of());
		replayAnswers.add("during the cut " + refused.status() + " " + refused.json().path("type").asString(""));
		fault("replayed a dead letter at " + letter.service() + " while the database was cut: " + refused.status());
	}

	/** ... and again once it is back: the copy is handled as the duplicate it is. */
	private void replayOnceTheDatabaseIsBack(DeadLetter letter) {
		HttpTestClient admin = admin(letter.service());
		Response kept = admin.get("/admin/dead-letters/" + letter.id());
		Response replayed = null;
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline) && (replayed == null || replayed.status() != 202)) {
			pause(Duration.ofSeconds(1));
			replayed = admin.post("/admin/dead-letters/" + letter.id() + "/replay", "application/json", "", Map.of());
		}
		replayAnswers.add("kept through the cut " + kept.status() + ", replayed after " + replayed.status());
		fault("the dead letter was kept through the cut (" + kept.status() + ") and replayed after it ("
				+ replayed.status() + ")");
	}

	private void lag(String service, Duration howLong) {
		pause(Duration.ofSeconds(3));
		system.service(service).pause();
		pause(howLong);
		system.service(service).resume();
		fault("froze " + service + " (SIGSTOP) for " + howLong.toSeconds() + "s, so that it lags");
	}

	private void noCourierFor(Duration howLong) {
		HttpTestClient delivery = admin("delivery-service");
		delivery.post("/admin/couriers/empty", "application/json", "", Map.of());
		pause(howLong);
		delivery.post("/admin/couriers/refill", "application/json", "", Map.of());
		fault("no courier for " + howLong.toSeconds() + "s");
	}

	/**
	 * Waits for every order to end and the five services to agree, for at most {@link #SETTLE}, with
	 * no operator action: nothing is replayed by hand.
	 */
	private SagaAgreement.Report settle(SagaAgreement agreement, Map<String, Integer> stockBefore) {
		Instant deadline = Instant.now().plus(SETTLE);
		SagaAgreement.Report report = agreement.check(acknowledged, placed, stockBefore);
		while (!report.agrees() && Instant.now().isBefore(deadline)) {
			progress("settling: %d stuck, %d disagreements, %d stock errors", report.stuck().size(),
					report.disagreements().size(), report.stockErrors().size());
			pause(Duration.ofSeconds(5));
			report = agreement.check(acknowledged, placed, stockBefore);
		}
		return report;
	}

	/** The dead letters left at the five services. */
	private int deadLetters() {
		int total = 0;
		for (String service : SERVICES) {
			total += admin(service).get("/admin/dead-letters").json().size();
		}
		return total;
	}

	/** Events the relays handed to the broker more than once (a lost confirm, a crash before marking them sent). */
	private static int publishedTwice() {
		return SERVICES.stream()
			.mapToInt(service -> system.database(service)
				.sql("select count(*) from outbox_message where publications > 1")
				.query(Integer.class)
				.single())
			.sum();
	}

	private String summary(SagaAgreement.Report report, int deadLettersLeft, int publishedTwice, Duration took) {
		StringBuilder text = new StringBuilder("\n== chaos run summary ==\n");
		text.append("orders ").append(ORDERS).append(", clients ").append(CLIENTS).append(", seed ").append(SEED)
			.append(", took ").append(took.toSeconds()).append("s\n");
		text.append("answers ").append(new java.util.TreeMap<>(answers)).append('\n');
		text.append(report.summary()).append('\n');
		long duplicated = report.disagreements().stream().filter(d -> d.kind().equals("duplicated effect")).count();
		text.append("duplicated effects ").append(duplicated).append('\n');
		text.append("events published twice ").append(publishedTwice).append(" (consumers handled each once)\n");
		text.append("dead letters left ").append(deadLettersLeft).append(" (none replayed by hand; the planted one: ")
			.append(String.join(", ", replayAnswers)).append(")\n");
		text.append("faults injected ").append(faults.size()).append(':');
		faults.forEach(fault -> text.append("\n  ").append(fault));
		text.append("\nverdict: ").append(report.agrees() && deadLettersLeft == 0 ? "VALID" : "INVALID").append('\n');
		return text.toString();
	}

	private static void startTheSystem() {
		system = new SystemUnderTest();
		Servers servers = system.workspace().servers();
		broker = TcpProxy.to("the broker", servers.rabbit().host(), servers.rabbit().amqpPort());
		database = TcpProxy.to("the database", servers.postgres().host(), servers.postgres().port());
		system.reachingTheDatabaseAt("127.0.0.1", database.port());
		system.start(Map.of("inventory-service", settings("inventory-service")));
		Map<String, Map<String, String>> others = new HashMap<>();
		SERVICES.stream().filter(name -> !name.equals("inventory-service")).forEach(name -> others.put(name, settings(name)));
		system.start(others);
	}

	/** Short timers and deadlines, so that a run of minutes sees every path; every service behind both proxies. */
	private static Map<String, String> settings(String service) {
		Map<String, String> settings = new HashMap<>(switch (service) {
			case "order-service" -> Map.of("food.inventory.url", system.service("inventory-service").url(),
					"food.saga.deadlines.AWAITING_PAYMENT", "20s", "food.saga.deadlines.PAID", "20s",
					"food.saga.deadline-check-interval", "2s");
			case "kitchen-service" -> Map.of("food.kitchen.preparation-time", "1s", "food.kitchen.poll-interval", "100ms");
			case "delivery-service" -> Map.of("food.delivery.delivery-time", "300ms", "food.delivery.retry-interval",
					"300ms", "food.delivery.max-attempts", "10", "food.delivery.poll-interval", "100ms");
			case "inventory-service" -> Map.of("food.reservations.time-to-live", "60s",
					"food.reservations.expiry-interval", "2s");
			default -> Map.<String, String>of();
		});
		settings.put("spring.rabbitmq.host", "127.0.0.1");
		settings.put("spring.rabbitmq.port", String.valueOf(broker.port()));
		return settings;
	}

	private static HttpTestClient order() {
		return system.service("order-service").http();
	}

	private static HttpTestClient admin(String service) {
		return system.service(service).http().asAdmin();
	}

	private void count(String answer) {
		answers.computeIfAbsent(answer, key -> new LongAdder()).increment();
	}

	private void fault(String description) {
		faults.add(description);
		progress("fault: %s", description);
	}

	private static void progress(String format, Object... args) {
		System.out.printf("[chaos %tT] %s%n", Instant.now().atZone(java.time.ZoneId.systemDefault()), format.formatted(args));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> concat(List<String> list, String one) {
		List<String> all = new ArrayList<>(list);
		all.add(one);
		return all;
	}
}
