package com.example.food.sagaview;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls one of the five services for the saga view. The caller's admin login (its
 * Authorization header) goes along unchanged: order-service holds no credentials of its
 * own for the others, and each service still checks the login itself. The answer comes
 * back as it was: status, content type and body, so a problem detail from a service
 * reaches the page intact.
 */
class ServiceCalls {

	private final Services services;

	private final RestClient http;

	ServiceCalls(Services services, ObjectProvider<ObservationRegistry> observations) {
		this.services = services;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(services.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(services.readTimeout());
		this.http = RestClient.builder()
			.requestFactory(requests)
			// The calls show in traces and in
			// http.client.requests, like the inventory call.
			.observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.build();
	}

	/** What a service answered. */
	record Answer(HttpStatusCode status, @Nullable MediaType contentType, byte[] body) {

		/**
		 * The answer as order-service's own response; only the content type of its
		 * headers is kept.
		 */
		ResponseEntity<byte[]> toResponse() {
			ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
			if (contentType != null) {
				response.contentType(contentType);
			}
			return response.body(body);
		}
	}

	/**
	 * @param path a template such as {@code /admin/dead-letters/{id}}: each variable is
	 * encoded as one path segment, so no value can add a segment or a query
	 * @throws UnknownService if {@code service} is not one of the five
	 * @throws ServiceUnreachable if it refuses the connection or does not answer in time
	 */
	Answer call(String service, HttpMethod method, String path, Map<String, ?> variables,
			@Nullable String authorization, byte @Nullable [] body, @Nullable MediaType contentType) {
		String base = services.url(service).toString().replaceAll("/+$", "");
		RestClient.RequestBodySpec request = http.method(method)
			.uri(base + path, variables)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (body != null && body.length > 0) {
			request.contentType(contentType == null ? MediaType.APPLICATION_JSON : contentType).body(body);
		}
		try {
			return request.exchange((sent, response) -> new Answer(response.getStatusCode(),
					response.getHeaders().getContentType(), response.getBody().readAllBytes()));
		}
		catch (ResourceAccessException ex) {
			throw new ServiceUnreachable(service, why(ex));
		}
	}

	/**
	 * Asks about each item at once, a virtual thread each, and returns the answers in the
	 * items' order: the page waits for the slowest service, not for the sum of them.
	 */
	static <I, T> List<T> eachAtOnce(Collection<I> items, Function<I, T> ask) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<CompletableFuture<T>> pending = items.stream()
				.map(item -> CompletableFuture.supplyAsync(() -> ask.apply(item), executor))
				.toList();
			return pending.stream().map(CompletableFuture::join).toList();
		}
	}

	private String why(ResourceAccessException ex) {
		// The JDK client wraps the cause that says what happened (a ConnectException
		// around a ClosedChannelException, ...): look along the whole chain.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				return "no connection within " + services.connectTimeout().toMillis() + " ms";
			}
			if (cause instanceof HttpTimeoutException) {
				return "no answer within " + services.readTimeout().toMillis() + " ms";
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
		}
		Throwable cause = ex.getMostSpecificCause();
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

}
