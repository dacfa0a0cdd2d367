package com.example.food.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every chaos run does, whatever it breaks and wherever the system runs: orders from
 * several clients with a mix of outcomes while {@link #injectFaults()} breaks things;
 * then it waits for the system to settle, checks every order's story at the five services
 * against the table ({@link SagaAgreement}), prints a summary in the manner of Jepsen's
 * and fails on any lost, stuck or disagreeing order, stock or money not conserved, or a
 * dead letter left (docs/chaos.md).
 *
 * <p>
 * Its size comes from system properties: {@code food.chaos.orders} (default 150),
 * {@code food.chaos.clients} (4), {@code food.chaos.seed} (random),
 * {@code food.chaos.settle} (seconds, 240).
 */
abstract class ChaosRun {

	static final int ORDERS = Integer.getInteger("food.chaos.orders", 150);

	static final int CLIENTS = Integer.getInteger("food.chaos.clients", 4);

	static final long SEED = Long.getLong("food.chaos.seed", System.nanoTime());

	static final Duration SETTLE = Duration.ofSeconds(Long.getLong("food.chaos.settle", 240));

	/**
	 * The orders are spread over this long: the faults take about four minutes on two
	 * cores, and a big run places four orders a second, so that orders are placed through
	 * every fault.
	 */
	static final Duration LOAD = Duration.ofSeconds(Math.max(240, ORDERS / 4));

	static final List<String> SERVICES = List.of("inventory-service", "order-service", "payment-service",
			"kitchen-service", "delivery-service");

	/** What the kitchen cannot make during the run: orders of it are rejected. */
	private static final String UNAVAILABLE = "LASAGNA";

	private static final List<String> MENU = List.of("PIZZA-MARGHERITA", "PIZZA-DIAVOLA", "PASTA-CARBONARA", "TIRAMISU",
			"LEMONADE");

	private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();

	private final Set<UUID> placed = ConcurrentHashMap.newKeySet();

	private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

	private final List<String> faults = new CopyOnWriteArrayList<>();

	/** The public API: where the clients place and cancel their orders. */
	abstract HttpTestClient order();

	/** A service's API with the admin's credentials (any replica of it). */
	abstract HttpTestClient admin(String service);

	abstract JdbcClient database(String service);

	/**
	 * Breaks things, one fault after the other, each bounded and undone before the next.
	 */
	abstract void injectFaults();

	/** What the summary says of the dead letters besides their count. */
	String deadLetterNote() {
		return "none replayed by hand";
	}

	/**
	 * Places the orders while {@link #injectFaults()} runs, settles, writes the summary
	 * to {@code target/<summaryFile>} and asserts the verdict.
	 */
	final void run(String title, String summaryFile) throws Exception {
		Instant started = Instant.now();
		progress("%s: %d orders from %d clients over %ds, seed %d", title, ORDERS, CLIENTS, LOAD.toSeconds(), SEED);
		HttpTestClient kitchen = admin("kitchen-service");
		assertThat(kitchen.putJson("/admin/kitchen/unavailable-skus", "[\"" + UNAVAILABLE + "\"]").status())
			.isEqualTo(200);
		List<String> products = new ArrayList<>(MENU);
		products.add(UNAVAILABLE);
		for (String sku : products) {
			Response stocked = admin("inventory-service").putJson("/admin/products/" + sku + "/stock",
					"{\"onHand\": 100000}");
			assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
		}
		SagaAgreement agreement = new SagaAgreement(this::database);
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
		progress("load over after %ds: %d acknowledged, answers %s",
				Duration.between(started, Instant.now()).toSeconds(), acknowledged.size(), answers);

		SagaAgreement.Report report = settle(agreement, stockBefore);
		int deadLettersLeft = deadLetters();
		String summary = summary(title, report, deadLettersLeft, publishedTwice(),
				Duration.between(started, Instant.now()));
		System.out.println(summary);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", summaryFile), summary);
		kitchen.putJson("/admin/kitchen/unavailable-skus", "[]");

		assertThat(report.agrees()).as(summary).isTrue();
		assertThat(deadLettersLeft).as("dead letters left after the run").isZero();
	}

	/**
	 * The mix of outcomes the clients ask for; the faults add deadlines and no-courier
	 * ends of their own.
	 */
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
				// Timed to race the kitchen: some requests come
				// before it accepts, some while it cooks, some after.
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

	/** Short timers and deadlines, so that a run of minutes sees every path. */
	static Map<String, String> shortTimers(String service) {
		return switch (service) {
			case "order-service" -> Map.of("food.saga.deadlines.AWAITING_PAYMENT", "20s", "food.saga.deadlines.PAID",
					"20s", "food.saga.deadline-check-interval", "2s");
			case "kitchen-service" ->
				Map.of("food.kitchen.preparation-time", "1s", "food.kitchen.poll-interval", "100ms");
			case "delivery-service" -> Map.of("food.delivery.delivery-time", "300ms", "food.delivery.retry-interval",
					"300ms", "food.delivery.max-attempts", "10", "food.delivery.poll-interval", "100ms");
			case "inventory-service" ->
				Map.of("food.reservations.time-to-live", "60s", "food.reservations.expiry-interval", "2s");
			default -> Map.of();
		};
	}

	/**
	 * Empties the courier pool for a while: orders prepared meanwhile end
	 * {@code NO_COURIER}.
	 */
	final void noCourierFor(Duration howLong) {
		HttpTestClient delivery = admin("delivery-service");
		delivery.post("/admin/couriers/empty", "application/json", "", Map.of());
		pause(howLong);
		delivery.post("/admin/couriers/refill", "application/json", "", Map.of());
		fault("no courier for " + howLong.toSeconds() + "s");
	}

	/**
	 * Waits for every order to end and the five services to agree, for at most
	 * {@link #SETTLE}, with no operator action: nothing is replayed by hand.
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

	/**
	 * Events the relays handed to the broker more than once (a lost confirm, a crash
	 * before marking them sent).
	 */
	private int publishedTwice() {
		return SERVICES.stream()
			.mapToInt(service -> database(service).sql("select count(*) from outbox_message where publications > 1")
				.query(Integer.class)
				.single())
			.sum();
	}

	private String summary(String title, SagaAgreement.Report report, int deadLettersLeft, int publishedTwice,
			Duration took) {
		StringBuilder text = new StringBuilder("\n== chaos run summary: ").append(title).append(" ==\n");
		text.append("orders ")
			.append(ORDERS)
			.append(", clients ")
			.append(CLIENTS)
			.append(", seed ")
			.append(SEED)
			.append(", took ")
			.append(took.toSeconds())
			.append("s\n");
		text.append("answers ").append(new TreeMap<>(answers)).append('\n');
		text.append(report.summary()).append('\n');
		long duplicated = report.disagreements().stream().filter(d -> d.kind().equals("duplicated effect")).count();
		text.append("duplicated effects ").append(duplicated).append('\n');
		text.append("events published twice ").append(publishedTwice).append(" (consumers handled each once)\n");
		text.append("dead letters left ").append(deadLettersLeft).append(" (").append(deadLetterNote()).append(")\n");
		text.append("faults injected ").append(faults.size()).append(':');
		faults.forEach(fault -> text.append("\n  ").append(fault));
		text.append("\nverdict: ").append(report.agrees() && deadLettersLeft == 0 ? "VALID" : "INVALID").append('\n');
		return text.toString();
	}

	private void count(String answer) {
		answers.computeIfAbsent(answer, key -> new LongAdder()).increment();
	}

	final void fault(String description) {
		faults.add(description);
		progress("fault: %s", description);
	}

	static void progress(String format, Object... args) {
		System.out.printf("[chaos %tT] %s%n", Instant.now().atZone(ZoneId.systemDefault()), format.formatted(args));
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
