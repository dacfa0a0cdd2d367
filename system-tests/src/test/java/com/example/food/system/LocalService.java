package com.example.food.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.example.food.infrastructure.testsupport.HttpTestClient;

/**
 * One service of the system under test, run as its own process from its executable jar,
 * with the same JVM options as in production (config/jvm.options): a remote call between
 * two of these is a real remote call, with its own failure modes, and a service can be
 * stopped like a real one.
 */
final class LocalService implements AutoCloseable {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private LocalService(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts {@code <name>/target/<name>.jar} on a free port with the given properties.
	 */
	static LocalService start(String name, Map<String, String> properties) {
		return start(name, freePort(), properties);
	}

	/**
	 * Starts {@code <name>/target/<name>.jar} on {@code port}: a restarted service keeps
	 * its address.
	 */
	static LocalService start(String name, int port, Map<String, String> properties) {
		Path jar = ROOT.resolve(name).resolve("target").resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: build the services first (./mvnw verify builds them in order)");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"@" + ROOT.resolve("config/jvm.options"), "-jar", jar.toString(), "--server.port=" + port));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Path log = Files.createDirectories(Path.of("target", "system-tests")).resolve(name + ".log");
			// Appended to: the log of a restarted service
			// keeps what it said before it was killed.
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			System.out.printf("[system-tests] started %s (pid %d) on port %d, log %s%n", name, process.pid(), port,
					log);
			return new LocalService(name, port, log, process);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + name + ": " + ex, ex);
		}
	}

	/** Waits until the service reports ready (its database and broker included). */
	LocalService awaitReady(Duration timeout) {
		try {
			Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::ready);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(name + " is not ready after " + timeout + ":\n" + tail(), ex);
		}
		return this;
	}

	private boolean ready() {
		if (!process.isAlive()) {
			throw new IllegalStateException(name + " exited during start-up:\n" + tail());
		}
		try {
			return http().get("/actuator/health/readiness").status() == 200;
		}
		catch (IllegalStateException notListeningYet) {
			return false; // the port opens late in start-up
		}
	}

	boolean isRunning() {
		return process.isAlive();
	}

	HttpTestClient http() {
		return HttpTestClient.on(port);
	}

	String url() {
		return "http://localhost:" + port;
	}

	int port() {
		return port;
	}

	/**
	 * Kills the process with SIGKILL: no shutdown hook, no graceful stop, as a crash or
	 * an OOM kill would.
	 */
	void kill() {
		try {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			System.out.printf("[system-tests] killed %s (pid %d) with SIGKILL%n", name, process.pid());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * SIGSTOP: the process stops running (a stalled consumer, a long GC pause) until
	 * {@link #resume()}.
	 */
	void pause() {
		signal("STOP");
	}

	/** SIGCONT after {@link #pause()}. */
	void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO()
				.start()
				.waitFor();
			System.out.printf("[system-tests] sent SIG%s to %s (pid %d): exit %d%n", signal, name, process.pid(), exit);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot signal " + name + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the process the way an orchestrator would (SIGTERM, graceful), and waits for
	 * it.
	 */
	void stop() {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
