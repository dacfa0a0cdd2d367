package com.example.food.infrastructure.retention;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Rows of {@code table} are deleted once {@code timeColumn} is older than
 * {@code retention}: a bookkeeping table (sent outbox rows, processed event ids,
 * idempotency keys) that would otherwise grow forever. Declare one as a bean and the
 * {@link RetentionJob} looks after it. Rows whose time is null are kept (an outbox row
 * not sent yet).
 *
 * @param table the table, as named in SQL
 * @param timeColumn the column that says when a row was written or settled
 * @param retention how long a row is kept after that
 */
public record Retained(String table, String timeColumn, Duration retention) {

	private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	public Retained {
		// The names go into SQL as they are: they come
		// from code, and are checked all the same.
		if (!SQL_NAME.matcher(table).matches() || !SQL_NAME.matcher(timeColumn).matches()) {
			throw new IllegalArgumentException("not a plain SQL name: " + table + "." + timeColumn);
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("a retention must be positive: " + retention);
		}
	}
}
