package com.example.food.infrastructure.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client must be told about, as an RFC 9457 problem detail. Subclasses are
 * named as facts ({@code StockInsufficient}, {@code OrderNotFound}) and say, in one
 * constructor call, their status, a stable type, a title, the detail and any extra
 * members; {@link ProblemDetailsAdvice} turns them into responses.
 *
 * <pre>
 * class OrderNotFound extends ProblemException {
 *     OrderNotFound(UUID id) {
 *         super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "There is no order " + id + ".",
 *                 Map.of("orderId", id));
 *     }
 * }
 * </pre>
 */
public abstract class ProblemException extends RuntimeException {

	/**
	 * Problem types are stable identifiers a client can switch on; they are documented in
	 * docs/.
	 */
	public static final String TYPE_BASE = "https://food.example/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final Map<String, Object> properties;

	protected ProblemException(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, Map.of());
	}

	protected ProblemException(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	public HttpStatus status() {
		return status;
	}

	/** The short, stable name of the problem type, e.g. {@code stock-insufficient}. */
	public String type() {
		return type;
	}

	public String title() {
		return title;
	}

	/** Extra members of the problem detail, e.g. the SKUs that were short. */
	public Map<String, Object> properties() {
		return properties;
	}

	/** Extra response headers, e.g. Retry-After. */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

	public final URI typeUri() {
		return URI.create(TYPE_BASE + type());
	}

}
