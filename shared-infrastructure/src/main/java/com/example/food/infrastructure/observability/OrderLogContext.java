package com.example.food.infrastructure.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the order id into every log line written while a request or an event about that
 * order is handled (the {@code orderId} of the log pattern in food-service-defaults.yml),
 * so that one grep finds an order in all five logs:
 *
 * <pre>grep 'order=0b6c...' .run/*.log</pre>
 *
 * For a request, the id is taken from a path such as {@code /orders/{id}} or
 * {@code /reservations/{id}}; code that creates an order calls {@link #set(UUID)}. For an
 * event, the consumer sets it from the envelope (see InboundEvents), and the outbox relay
 * while it publishes.
 */
public class OrderLogContext extends OncePerRequestFilter {

	public static final String KEY = "orderId";

	private static final Pattern ID_IN_PATH = Pattern
		.compile("/(?:orders|reservations|payments|tickets|deliveries)/([0-9a-fA-F-]{36})(?:/|$)");

	/**
	 * Tags the log lines of the current thread with this order until the request or event
	 * ends.
	 */
	public static void set(UUID orderId) {
		MDC.put(KEY, orderId.toString());
	}

	/**
	 * Tags the log lines written inside {@code work} with this order, then restores what
	 * was there.
	 */
	public static void with(UUID orderId, Runnable work) {
		String previous = MDC.get(KEY);
		MDC.put(KEY, orderId.toString());
		try {
			work.run();
		}
		finally {
			if (previous == null) {
				MDC.remove(KEY);
			}
			else {
				MDC.put(KEY, previous);
			}
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher id = ID_IN_PATH.matcher(request.getRequestURI());
		if (id.find()) {
			MDC.put(KEY, id.group(1));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(KEY);
		}
	}

}
