package com.example.food.sagaview;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** A service did not accept the connection or did not answer in time. */
class ServiceUnreachable extends ProblemException {

	ServiceUnreachable(String service, String why) {
		super(HttpStatus.BAD_GATEWAY, "service-unreachable", "Service unreachable",
				"The " + service + " service did not answer: " + why, Map.of("service", service));
	}

}
