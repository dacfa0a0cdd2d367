package com.example.food.infrastructure.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import com.example.food.infrastructure.observability.OutageLog;

/**
 * Deletes what every {@link Retained} bean says is old enough, every hour. The rows go in
 * batches of {@value #BATCH_SIZE}, each its own short statement, so that a large backlog
 * (the first run after a long time) never holds many row locks, nor one long transaction,
 * at once.
 *
 * <p>
 * Replicas may run it at the same time: both delete, and a row deleted by one is simply
 * not found by the other.
 */
public class RetentionJob {

	static final int BATCH_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final JdbcClient jdbc;

	private final List<Retained> tables;

	private final OutageLog outage = new OutageLog(log, "Retention",
			"cannot delete old rows ({}); they wait for the next run",
			"the database is reachable again; old rows are deleted");

	public RetentionJob(JdbcClient jdbc, List<Retained> tables) {
		this.jdbc = jdbc;
		this.tables = List.copyOf(tables);
	}

	@Scheduled(fixedDelayString = "${food.retention.interval:PT1H}",
			initialDelayString = "${food.retention.initial-delay:PT1M}")
	public void deleteOldRows() {
		try {
			deleteExpired();
			outage.over();
		}
		catch (DataAccessException ex) {
			outage.during(ex);
		}
	}

	/**
	 * Deletes the rows past their retention in every table; returns how many per table.
	 */
	public Map<String, Integer> deleteExpired() {
		Map<String, Integer> deleted = new LinkedHashMap<>();
		for (Retained table : tables) {
			Instant cutoff = Instant.now().minus(table.retention());
			int count = deleteOlderThan(table, cutoff);
			deleted.merge(table.table(), count, Integer::sum);
			if (count > 0) {
				log.info("Retention: deleted {} row(s) of {} older than {} (before {})", count, table.table(),
						readable(table.retention()), cutoff);
			}
		}
		return deleted;
	}

	private int deleteOlderThan(Retained table, Instant cutoff) {
		// ctid: the row's physical address, a key every
		// PostgreSQL table has, whatever its primary key.
		String sql = """
				delete from %1$s where ctid = any(array(
				    select ctid from %1$s where %2$s < :cutoff limit :batch))
				""".formatted(table.table(), table.timeColumn());
		int total = 0;
		int batch;
		do {
			batch = jdbc.sql(sql).param("cutoff", Timestamp.from(cutoff)).param("batch", BATCH_SIZE).update();
			total += batch;
		}
		while (batch == BATCH_SIZE);
		return total;
	}

	/** 7d, 24h, 90m rather than PT168H. */
	static String readable(Duration duration) {
		if (duration.toSeconds() % 86_400 == 0) {
			return duration.toDays() + "d";
		}
		if (duration.toSeconds() % 3_600 == 0) {
			return duration.toHours() + "h";
		}
		if (duration.toSeconds() % 60 == 0) {
			return duration.toMinutes() + "m";
		}
		return duration.toString();
	}

}
