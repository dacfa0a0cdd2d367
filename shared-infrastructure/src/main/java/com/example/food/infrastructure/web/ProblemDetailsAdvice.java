package com.example.food.infrastructure.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.example.food.infrastructure.failure.InfrastructureFailures;

/**
 * The one place where exceptions become RFC 9457 problem details, for every service.
 * Spring's base class already answers the framework's own failures (415, 405, 404, ...)
 * with problem details; this adds the project's {@link ProblemException}s, names each
 * invalid field, and hides the internals of unexpected failures.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/**
	 * A database outage seen so far lasts seconds (a failover, a restart): worth a retry
	 * soon.
	 */
	static final int DATABASE_RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		body.setType(ex.typeUri());
		body.setTitle(ex.title());
		ex.properties().forEach(body::setProperty);
		return ResponseEntity.status(ex.status()).headers(ex.headers()).body(body);
	}

	/**
	 * The service's own database cannot be reached (a connection refused or dropped, the
	 * pool timing out, a transaction that cannot even be rolled back on a dead
	 * connection): the infrastructure's failure, not the request's. 503 with Retry-After,
	 * so that a client retries instead of giving up; nothing was changed, since the
	 * transaction never committed. Any other data access failure is unexpected.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> dataAccessFailure(RuntimeException ex) {
		if (!InfrastructureFailures.isDatabaseUnreachable(ex)) {
			return unexpected(ex);
		}
		log.warn("The database is unreachable, answering 503: {}", ex.getMessage());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its database right now; nothing was changed. Retry in a few seconds.");
		body.setType(type("database-unavailable"));
		body.setTitle("Database unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
			.body(body);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; the request may be retried.");
		body.setType(type("internal-error"));
		body.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(body);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::fieldError)
			.toList();
		ProblemDetail body = invalidRequest(errors.size() + " field(s) are invalid: "
				+ String.join(", ", errors.stream().map(e -> (String) e.get("field")).toList()));
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(body);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, Object>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.<String, Object>of("field", result.getMethodParameter().getParameterName() + "",
						"message", error.getDefaultMessage() + "")))
			.toList();
		ProblemDetail body = invalidRequest("The request parameters are invalid.");
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(body);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The parser's message says where the JSON broke (line, column, which field
		// had the wrong type); its first line is enough and contains no internals.
		String reason = ex.getMostSpecificCause().getMessage();
		String firstLine = reason == null ? "" : reason.lines().findFirst().orElse("");
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this endpoint: " + firstLine);
		body.setType(type("malformed-request"));
		body.setTitle("Malformed request body");
		return ResponseEntity.badRequest().headers(headers).body(body);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// e.g. GET /orders/not-a-uuid or ?status=SOMETHING:
		// name the parameter and what it must be.
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		Class<?> required = ex.getRequiredType();
		String expected = required == null ? "value" : required.isEnum()
				? "one of " + Arrays.toString(required.getEnumConstants()) : required.getSimpleName();
		ProblemDetail body = invalidRequest(
				"'" + ex.getValue() + "' is not a valid " + name + ": expected " + expected);
		body.setProperty("errors", List.of(Map.of("field", name, "message", "must be " + expected)));
		return ResponseEntity.badRequest().headers(headers).body(body);
	}

	private static ProblemDetail invalidRequest(String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setType(type("invalid-request"));
		body.setTitle("Invalid request");
		return body;
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", error.getDefaultMessage() + "", "rejectedValue",
				String.valueOf(error.getRejectedValue()));
	}

	static URI type(String name) {
		return URI.create(ProblemException.TYPE_BASE + name);
	}

}
