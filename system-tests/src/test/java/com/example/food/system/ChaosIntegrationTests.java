package com.example.food.system;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.testsupport.Servers;
import com.example.food.infrastructure.testsupport.TcpProxy;
import com.example.food.infrastructure.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run on one of each service, as processes on this machine: every service is
 * killed with SIGKILL and restarted, the broker and the database are cut off for a while
 * (TCP proxies this test controls), and one participant is frozen so that it lags, while
 * {@link ChaosRun} places its orders and then checks that every order's story agrees at
 * the five services.
 *
 * <p>
 * Bounded in time and count, loopback only, stops by itself. Its size: {@link ChaosRun}.
 */
class ChaosIntegrationTests extends ChaosRun {

	private static final String DATABASE_UNAVAILABLE = ProblemException.TYPE_BASE + "database-unavailable";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SystemUnderTest system;

	private static TcpProxy broker;

	private static TcpProxy database;

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
		startTheSystem();
		run("one of each, processes on this machine", "chaos-summary.txt");
		assertThat(replayAnswers).as("a replay while the database is down is refused, and the dead letter kept")
			.containsExactly("during the cut 503 " + DATABASE_UNAVAILABLE,
					"kept through the cut 200, replayed after 202");
	}

	@Override
	String deadLetterNote() {
		return "none replayed by hand; the planted one: " + String.join(", ", replayAnswers);
	}

	/**
	 * Each fault in turn, each bounded and undone before the next; every service is
	 * killed once (two at a time where their restarts may overlap, to keep the run
	 * short). The outages are long on purpose: far longer than any retry, so that a
	 * message failed for the infrastructure's sake would be a dead letter by the end of
	 * them.
	 */
	@Override
	void injectFaults() {
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
	 * Freezes a consumer (SIGSTOP) until the broker shows it holding delivered,
	 * unacknowledged messages, then kills it: the broker must give those messages to the
	 * restarted one.
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
			.path("messages_unacknowledged")
			.asInt(0);
	}

	private void cut(TcpProxy proxy, String what, Duration howLong, Runnable meanwhile) {
		pause(Duration.ofSeconds(3));
		proxy.cut();
		Instant back = Instant.now().plus(howLong);
		pause(howLong.dividedBy(3));
		meanwhile.run();
		pause(Duration.between(Instant.now(), back).isNegative() ? Duration.ZERO
				: Duration.between(Instant.now(), back));
		proxy.restore();
		fault("cut the " + what + " for " + howLong.toSeconds() + "s");
	}

	/**
	 * A dead letter an operator will replay: a copy of an event the service has already
	 * handled.
	 */
	record DeadLetter(String service, String id) {
	}

	/**
	 * Puts a copy of an event the service has handled already into its dead-letter queue,
	 * as the service would after its retries, and waits until it is stored: replaying it
	 * must change nothing.
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
				"payload_encoding", "string", "properties",
				Map.of("message_id", event.get("id"), "content_type", "application/json", "delivery_mode", 2, "headers",
						Map.of("x-food-dead-letter-reason", "RETRIES_EXHAUSTED", "x-food-attempts", 4,
								"x-original-routingKey", routingKey))));
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

	/**
	 * The operator presses "replay" while the database is down: refused, and nothing is
	 * lost.
	 */
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

	private static void startTheSystem() {
		system = new SystemUnderTest();
		Servers servers = system.workspace().servers();
		broker = TcpProxy.to("the broker", servers.rabbit().host(), servers.rabbit().amqpPort());
		database = TcpProxy.to("the database", servers.postgres().host(), servers.postgres().port());
		system.reachingTheDatabaseAt("127.0.0.1", database.port());
		system.start(Map.of("inventory-service", settings("inventory-service")));
		Map<String, Map<String, String>> others = new HashMap<>();
		SERVICES.stream()
			.filter(name -> !name.equals("inventory-service"))
			.forEach(name -> others.put(name, settings(name)));
		system.start(others);
	}

	/** The short timers of every chaos run; every service behind both proxies. */
	private static Map<String, String> settings(String service) {
		Map<String, String> settings = new HashMap<>(shortTimers(service));
		if (service.equals("order-service")) {
			settings.put("food.inventory.url", system.service("inventory-service").url());
		}
		settings.put("spring.rabbitmq.host", "127.0.0.1");
		settings.put("spring.rabbitmq.port", String.valueOf(broker.port()));
		return settings;
	}

	@Override
	HttpTestClient order() {
		return system.service("order-service").http();
	}

	@Override
	HttpTestClient admin(String service) {
		return system.service(service).http().asAdmin();
	}

	@Override
	JdbcClient database(String service) {
		return system.database(service);
	}

}
