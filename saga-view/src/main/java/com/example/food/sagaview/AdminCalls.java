package com.example.food.sagaview;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The allow-list of the admin proxy: the teaching switches the saga view offers, and
 * nothing else. {@code /admin/system/{service}/{path}} forwards to {@code /admin/{path}}
 * at that service only if the service, the method and the path are listed here; anything
 * else is a 404, so the proxy cannot be turned into a way to reach any other path or
 * host.
 */
final class AdminCalls {

	private static final Set<String> EVERY_SERVICE = Set.of("order", "inventory", "payment", "kitchen", "delivery");

	/**
	 * SKUs and dead-letter ids: letters, digits, dots, dashes and underscores, at most
	 * 64, beginning with a letter or digit (so never "." or "..", which a server would
	 * resolve to another path).
	 */
	private static final Pattern SAFE_VARIABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final List<Allowed> ALLOWED = List.of(
			// a failing event handler, to make a dead letter (docs/dead-letters.md)
			new Allowed(EVERY_SERVICE, HttpMethod.GET, "/handler-failures"),
			new Allowed(EVERY_SERVICE, HttpMethod.PUT, "/handler-failures"),
			new Allowed(EVERY_SERVICE, HttpMethod.DELETE, "/handler-failures"),
			// one dead letter with its body (the list
			// and replay have their own endpoints)
			new Allowed(EVERY_SERVICE, HttpMethod.GET, "/dead-letters/{id}"),
			// "the kitchen cannot make it"
			new Allowed(Set.of("kitchen"), HttpMethod.GET, "/kitchen/unavailable-skus"),
			new Allowed(Set.of("kitchen"), HttpMethod.PUT, "/kitchen/unavailable-skus/{sku}"),
			new Allowed(Set.of("kitchen"), HttpMethod.DELETE, "/kitchen/unavailable-skus/{sku}"),
			// "no courier"
			new Allowed(Set.of("delivery"), HttpMethod.GET, "/couriers"),
			new Allowed(Set.of("delivery"), HttpMethod.POST, "/couriers/empty"),
			new Allowed(Set.of("delivery"), HttpMethod.POST, "/couriers/refill"));

	private AdminCalls() {
	}

	/**
	 * The service's own path as a template ({@code /admin/...}) and the values of its
	 * variables.
	 */
	record Target(String path, Map<String, String> variables) {

	}

	private record Allowed(Set<String> services, HttpMethod method, PathPattern pattern) {

		Allowed(Set<String> services, HttpMethod method, String pattern) {
			this(services, method, PathPatternParser.defaultInstance.parse(pattern));
		}
	}

	/**
	 * @param path the path below the service's {@code /admin}, e.g.
	 * {@code /couriers/empty}
	 * @throws AdminCallNotAllowed unless the call is on the list
	 */
	static Target resolve(String service, HttpMethod method, String path) {
		PathContainer segments = PathContainer.parsePath(path);
		for (Allowed allowed : ALLOWED) {
			if (!allowed.services().contains(service) || !allowed.method().equals(method)) {
				continue;
			}
			PathPattern.PathMatchInfo match = allowed.pattern().matchAndExtract(segments);
			if (match != null
					&& match.getUriVariables().values().stream().allMatch(v -> SAFE_VARIABLE.matcher(v).matches())) {
				return new Target("/admin" + allowed.pattern().getPatternString(), match.getUriVariables());
			}
		}
		throw new AdminCallNotAllowed(service, method, path);
	}

}
