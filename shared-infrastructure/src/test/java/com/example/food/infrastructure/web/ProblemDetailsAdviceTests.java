package com.example.food.infrastructure.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an unreachable database is answered: the infrastructure's failure, worth a retry,
 * not a 500.
 */
class ProblemDetailsAdviceTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

	@Test
	void answersAPoolThatCannotConnectWith503AndRetryAfter() {
		var ex = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
				new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));

		ResponseEntity<ProblemDetail> response = advice.dataAccessFailure(ex);

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(String.valueOf(ProblemDetailsAdvice.DATABASE_RETRY_AFTER_SECONDS));
		assertThat(response.getBody()).isNotNull();
		assertThat(response.getBody().getType().toString()).endsWith("database-unavailable");
		assertThat(response.getBody().getDetail()).doesNotContain("EntityManager").contains("nothing was changed");
	}

	@Test
	void answersAConnectionDroppedMidRequestTheSameWay() {
		ResponseEntity<ProblemDetail> response = advice.dataAccessFailure(
				new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersARollbackOnADeadConnectionWith503() {
		var ex = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
				new SQLException("This connection has been closed.", "08003")));

		assertThat(advice.dataAccessFailure(ex).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersARollbackOnAConnectionThePoolHasClosedWith503() {
		// The pool's own words, with no SQLState: seen
		// when the database was cut off mid-request.
		var ex = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed")));

		assertThat(advice.dataAccessFailure(ex).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersAnyOtherDataAccessFailureAsUnexpected() {
		var ex = new DataIntegrityViolationException("duplicate key value violates unique constraint",
				new SQLException("duplicate key", "23505"));

		ResponseEntity<ProblemDetail> response = advice.dataAccessFailure(ex);

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getType().toString()).endsWith("internal-error");
	}

}
