package com.example.food.infrastructure.testsupport;

import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.infrastructure.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a response is an RFC 9457 problem detail of the expected status and type.
 */
public final class Problems {

	private Problems() {
	}

	public static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(ProblemException.TYPE_BASE + type);
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
	}

}
