package com.example.food.infrastructure.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against a running service, with nothing hidden: the test says the method, the
 * content type, the body and the headers, and gets the status, headers and body back as
 * they came.
 */
public final class HttpTestClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, String> defaultHeaders;

	private HttpTestClient(String baseUrl, Map<String, String> defaultHeaders) {
		this.baseUrl = baseUrl;
		this.defaultHeaders = defaultHeaders;
	}

	/**
	 * A client of {@code baseUrl}, e.g. {@code http://172.18.0.5:8082} (a container's
	 * address).
	 */
	public static HttpTestClient at(String baseUrl) {
		return new HttpTestClient(baseUrl, Map.of());
	}

	public static HttpTestClient on(int port) {
		return new HttpTestClient("http://localhost:" + port, Map.of());
	}

	/** The same client, sending HTTP Basic credentials with every request. */
	public HttpTestClient as(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new HttpTestClient(baseUrl, Map.of("Authorization", "Basic " + token));
	}

	/** The same client as the admin of the services under test. */
	public HttpTestClient asAdmin() {
		TestWorkspace workspace = TestInfrastructure.workspace();
		return as(workspace.adminUser(), workspace.adminPassword());
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response postJson(String path, String json) {
		return send("POST", path, json);
	}

	public Response putJson(String path, String json) {
		return send("PUT", path, json);
	}

	/** Any method, with a JSON body or none. */
	public Response send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (json == null) {
			return send(request.method(method, HttpRequest.BodyPublishers.noBody()), Map.of());
		}
		return send(request.method(method, HttpRequest.BodyPublishers.ofString(json)),
				Map.of("Content-Type", "application/json"));
	}

	public Response post(String path, String contentType, String body, Map<String, String> headers) {
		var all = new java.util.HashMap<>(headers);
		all.put("Content-Type", contentType);
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), all);
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private Response send(HttpRequest.Builder request, Map<String, String> headers) {
		defaultHeaders.forEach(request::header);
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP request to " + baseUrl + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}
	}

}
