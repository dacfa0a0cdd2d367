package com.example.food.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testsupport.HttpTestClient;

/**
 * The chaos run on docker compose with several replicas of each service behind the
 * gateway ({@code docker-compose.replicas.yml}), and with
 * {@code food.chaos.compose=replicas,rabbitmq-cluster} on a RabbitMQ cluster of three
 * nodes ({@code docker-compose.rabbitmq-cluster.yml}): one replica of each service is
 * killed with SIGKILL (one while it holds unacknowledged messages, one of the
 * order-service replicas behind the gateway), a replica is frozen so that it lags, and on
 * the cluster two of the three broker nodes are killed in turn, each for 30 s. Every
 * order's story must still agree at the five services (docs/replicas.md).
 *
 * <p>
 * It needs a Docker engine (DOCKER_HOST) and builds the images, so it runs only when
 * asked for: {@code -Dfood.chaos.compose=replicas} or
 * {@code -Dfood.chaos.compose=replicas,rabbitmq-cluster}.
 */
class ReplicaChaosIntegrationTests extends ChaosRun {

	private static final String TOPOLOGY = System.getProperty("food.chaos.compose", "");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration BROKER_NODE_DOWN = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ComposeSystem system;

	private final boolean cluster = TOPOLOGY.contains("rabbitmq-cluster");

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void everyOrderEndsInOneStoryWhileReplicasAndBrokerNodesAreKilled() throws Exception {
		if (TOPOLOGY.isBlank()) {
			String reason = "the chaos run on docker compose runs only when asked for (it needs a Docker engine and "
					+ "builds the images): -Dfood.chaos.compose=replicas[,rabbitmq-cluster], docs/replicas.md";
			System.out.println("[chaos] skipped: " + reason);
			Assumptions.abort(reason);
		}
		List<String> files = Arrays.stream(TOPOLOGY.split(","))
			.map(String::strip)
			.map(part -> "docker-compose." + part + ".yml")
			.toList();
		Map<String, Map<String, String>> settings = new HashMap<>();
		SERVICES.forEach(service -> settings.put(service, shortTimers(service)));
		progress("docker compose up with %s (builds the images; a few minutes)", files);
		Instant starting = Instant.now();
		system = ComposeSystem.up(files, settings);
		progress("all healthy after %ds: %s", Duration.between(starting, Instant.now()).toSeconds(), replicaCounts());
		run(String.join(" + ", files) + ", " + replicaCounts(), "chaos-summary-" + TOPOLOGY.replace(',', '+') + ".txt");
	}

	@Override
	void injectFaults() {
		killOneReplica("payment-service");
		if (cluster) {
			killBrokerNode("rabbitmq-2");
		}
		killOneReplicaWhileItHoldsMessages("kitchen-service");
		killOneReplica("order-service", "inventory-service");
		if (cluster) {
			killBrokerNode("rabbitmq");
		}
		killOneReplica("delivery-service");
		lagOneReplica("delivery-service", Duration.ofSeconds(8));
		noCourierFor(Duration.ofSeconds(3));
	}

	/**
	 * SIGKILL of one replica of each service given, the others going on; then started
	 * again.
	 */
	private void killOneReplica(String... services) {
		pause(Duration.ofSeconds(5));
		Instant at = Instant.now();
		List<String> killed = new ArrayList<>();
		for (String service : services) {
			String container = system.containers(service).getLast();
			system.kill(container);
			killed.add(container);
		}
		pause(Duration.ofSeconds(5));
		killed.parallelStream().forEach(container -> system.startAndAwaitHealthy(container, START_TIMEOUT));
		fault("SIGKILL " + String.join(" and ", killed) + " (the other replicas went on), restarted and healthy after "
				+ Duration.between(at, Instant.now()).toSeconds() + "s");
	}

	/**
	 * Freezes one replica until the broker shows the service's queue holding delivered,
	 * unacknowledged messages, then kills it: the broker must give them to the other
	 * replica.
	 */
	private void killOneReplicaWhileItHoldsMessages(String service) {
		pause(Duration.ofSeconds(5));
		String container = system.containers(service).getLast();
		system.pause(container);
		String queue = service.replace("-service", "") + ".events";
		Instant deadline = Instant.now().plusSeconds(30);
		int held = 0;
		while (held == 0 && Instant.now().isBefore(deadline)) {
			pause(Duration.ofSeconds(1));
			held = JSON.readTree(system.management("GET", "queues", queue, null))
				.path("messages_unacknowledged")
				.asInt(0);
		}
		Instant at = Instant.now();
		system.kill(container);
		pause(Duration.ofSeconds(5));
		system.startAndAwaitHealthy(container, START_TIMEOUT);
		fault("SIGKILL " + container + " while " + queue + " held " + held
				+ " unacknowledged message(s), restarted and healthy after "
				+ Duration.between(at, Instant.now()).toSeconds() + "s");
	}

	/**
	 * SIGKILL of one broker node; the other two keep the quorum queues' majority. Started
	 * again after a while.
	 */
	private void killBrokerNode(String node) {
		pause(Duration.ofSeconds(5));
		String container = system.containers(node).getFirst();
		Instant at = Instant.now();
		system.kill(container);
		pause(BROKER_NODE_DOWN);
		system.startAndAwaitHealthy(container, START_TIMEOUT);
		fault("SIGKILL broker node " + node + ", down for " + BROKER_NODE_DOWN.toSeconds()
				+ "s, back and healthy after " + Duration.between(at, Instant.now()).toSeconds() + "s");
	}

	private void lagOneReplica(String service, Duration howLong) {
		pause(Duration.ofSeconds(3));
		String container = system.containers(service).getFirst();
		system.pause(container);
		pause(howLong);
		system.unpause(container);
		fault("froze " + container + " (docker pause) for " + howLong.toSeconds() + "s, so that it lags");
	}

	private String replicaCounts() {
		StringBuilder counts = new StringBuilder();
		for (String service : SERVICES) {
			counts.append(counts.isEmpty() ? "" : ", ")
				.append(service.replace("-service", ""))
				.append(" x")
				.append(system.containers(service).size());
		}
		if (cluster) {
			counts.append(", broker nodes x3");
		}
		return counts.toString();
	}

	@Override
	HttpTestClient order() {
		return system.order();
	}

	@Override
	HttpTestClient admin(String service) {
		return system.admin(service);
	}

	@Override
	JdbcClient database(String service) {
		return system.database(service);
	}

}
