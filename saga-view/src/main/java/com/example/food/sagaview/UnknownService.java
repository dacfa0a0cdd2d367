package com.example.food.sagaview;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** The proxy was asked for a service that is not one of the five. */
class UnknownService extends ProblemException {

	UnknownService(String service, Set<String> known) {
		super(HttpStatus.NOT_FOUND, "unknown-service", "Unknown service",
				"There is no service '" + service + "'; the services are " + String.join(", ", known) + ".",
				Map.of("service", service, "services", List.copyOf(known)));
	}

}
