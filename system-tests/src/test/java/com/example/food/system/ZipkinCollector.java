package com.example.food.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a Zipkin server, for tests: it accepts what the services export to
 * Zipkin's {@code POST /api/v2/spans} (JSON, version 2) and keeps the spans in memory, so
 * that a test can ask which services took part in a trace.
 */
final class ZipkinCollector implements AutoCloseable {

	/** The part of a Zipkin v2 span a test looks at. */
	record Span(String traceId, String id, String parentId, String name, String kind, String serviceName,
			Map<String, String> tags) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Span> spans = new CopyOnWriteArrayList<>();

	private ZipkinCollector() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/v2/spans", this::receive);
		server.start();
	}

	static ZipkinCollector start() {
		try {
			return new ZipkinCollector();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the span collector", ex);
		}
	}

	/** The properties that make a service export every span here, without delay. */
	Map<String, String> exportSettings() {
		return Map.of("management.tracing.export.zipkin.enabled", "true", "management.tracing.export.zipkin.endpoint",
				"http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans",
				"management.tracing.sampling.probability", "1.0",
				"management.opentelemetry.tracing.export.schedule-delay", "200ms");
	}

	List<Span> spans() {
		return List.copyOf(spans);
	}

	List<Span> trace(String traceId) {
		return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			List<Map<String, Object>> received = JSON.readValue(body, new TypeReference<>() {
			});
			received.forEach(span -> spans.add(toSpan(span)));
			exchange.sendResponseHeaders(202, -1);
		}
	}

	@SuppressWarnings("unchecked")
	private static Span toSpan(Map<String, Object> span) {
		Map<String, Object> endpoint = (Map<String, Object>) span.getOrDefault("localEndpoint", Map.of());
		return new Span((String) span.get("traceId"), (String) span.get("id"), (String) span.get("parentId"),
				(String) span.get("name"), (String) span.get("kind"), (String) endpoint.get("serviceName"),
				(Map<String, String>) span.getOrDefault("tags", Map.of()));
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
