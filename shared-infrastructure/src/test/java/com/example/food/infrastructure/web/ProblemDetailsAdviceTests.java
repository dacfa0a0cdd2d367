package com.example.food.infrastructure.web;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** How an unreachable database is answered: the infrastructure's failure, worth a retry, not a 500. */
class ProblemDetailsAdviceTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void answersAPoolThatCannotConnectWith503AndRetryAfter() {
		var ex = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

		ResponseEntity<ProblemDetail> response = advice.databaseUnavailable(ex);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(String.valueOf(ProblemDetailsAdvice.DATABASE_RETRY_AFTER_SECONDS));
		assertThat(response.getBody()).isNotNull();
		assertThat(response.getBody().getType().toString()).endsWith("database-unavailable");
		assertThat(response.getBody().getDetail()).doesNotContain("EntityManager").contains("nothing was changed");
	}

	@Test
	void answersAConnectionDroppedMidRequestTheSameWay() {
		ResponseEntity<ProblemDetail> response = advice
			.databaseUnavailable(new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
	}
}
