package com.example.food.infrastructure.failure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures are the infrastructure's, not the work's: the same work done again later
 * succeeds without anything about it changing. Two kinds:
 *
 * <ul>
 * <li><b>the database is unreachable</b>: a connection refused or dropped (SQLState class
 * 08), the pool timing out, a transaction that cannot even begin, or a connection the
 * pool already closed ("Connection is closed", which has no SQLState). Waiting is the
 * only cure.</li>
 * <li><b>a conflict</b>: a serialization failure (40001), a deadlock (40P01), a lock not
 * granted (55P03), an optimistic lock lost to a concurrent writer. Trying again at once
 * usually cures it.</li>
 * </ul>
 *
 * Everything else (a constraint violated, a handler refusing an event) is the work's own
 * failure. What the database itself refuses always carries its SQLState, so a null one
 * means the connection.
 */
public final class InfrastructureFailures {

	private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03");

	private InfrastructureFailures() {
	}

	/** The database could not be reached: anywhere in the cause chain. */
	public static boolean isDatabaseUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLException sql
							&& (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The work lost a race with a concurrent transaction: anywhere in the cause chain.
	 */
	public static boolean isConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// Spring's translation: optimistic and pessimistic
			// locking failures, deadlocks, lock timeouts.
			if (cause instanceof ConcurrencyFailureException || cause instanceof SQLException sql
					&& sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
