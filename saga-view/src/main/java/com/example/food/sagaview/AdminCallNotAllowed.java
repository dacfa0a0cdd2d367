package com.example.food.sagaview;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/**
 * The proxy forwards only the admin calls on its allow-list ({@link AdminCalls}):
 * anything else is answered as if it did not exist, so the proxy cannot be used to reach
 * arbitrary paths.
 */
class AdminCallNotAllowed extends ProblemException {

	AdminCallNotAllowed(String service, HttpMethod method, String path) {
		super(HttpStatus.NOT_FOUND, "admin-call-not-allowed", "Admin call not allowed",
				method + " " + path + " at " + service + " is not one of the admin calls the saga view forwards.",
				Map.of("service", service, "method", method.name(), "path", path));
	}

}
