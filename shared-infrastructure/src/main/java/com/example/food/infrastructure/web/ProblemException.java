package com.example.food.infrastructure.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client must be told about, as an RFC 9457 problem detail. Subclasses are named as
 * facts ({@code StockInsufficient}, {@code OrderNotFound}) and say their status, a stable type
 * and any extra members; {@link ProblemDetailsAdvice} turns them into responses.
 */
public abstract class ProblemException extends RuntimeException {

	/** Problem types are stable identifiers a client can switch on; they are documented in docs/. */
	public static final String TYPE_BASE = "https://food.example/problems/";

	protected ProblemException(String detail) {
		super(detail);
	}

	protected ProblemException(String detail, Throwable cause) {
		super(detail, cause);
	}

	public abstract HttpStatus status();

	/** The short, stable name of the problem type, e.g. {@code stock-insufficient}. */
	public abstract String type();

	public abstract String title();

	/** Extra members of the problem detail, e.g. the SKUs that were short. */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** Extra response headers, e.g. Retry-After. */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

	public final URI typeUri() {
		return URI.create(TYPE_BASE + type());
	}
}
