package com.example.food.order.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code order_timeline} table. Entries are only ever added, never changed: the
 * timeline is a log of what happened, projected for reading. (Event sourcing would make
 * such a log the order's only state; here the order row stays the truth and the timeline
 * explains it.)
 */
@Component
public class Timeline {

	/**
	 * The step that reports a passed deadline; with the state it names, once per order.
	 */
	public static final String DEADLINE_PASSED_IN = "deadline passed in ";

	private static final int MAX_TEXT = 500;

	private final JdbcClient jdbc;

	Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An entry as stored: its id (the tie-breaker of equal times) and when it was
	 * written.
	 */
	public record Recorded(long id, Instant recordedAt, TimelineEntry entry) {

	}

	/**
	 * Adds a step, in the caller's transaction (MANDATORY): the entry commits with the
	 * state change it describes, or not at all, so the timeline never tells of a change
	 * that was rolled back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID orderId, TimelineEntry entry) {
		insert(orderId, entry, "");
	}

	/**
	 * Adds "deadline passed in {@code status}" unless the order's timeline has it
	 * already; true if it did. A unique index makes this once per order and state, even
	 * when the check runs every few seconds, or in two replicas at the same moment.
	 */
	public boolean reportDeadlinePassed(UUID orderId, String status, Instant passedAt, String detail) {
		TimelineEntry entry = TimelineEntry.ofOrder(passedAt, DEADLINE_PASSED_IN + status, status, null, detail);
		return insert(orderId, entry,
				"on conflict (order_id, step) where step like 'deadline passed in %' do nothing") == 1;
	}

	/**
	 * The order's steps in the order they happened; entries of equal time in the order
	 * they were written.
	 */
	public List<Recorded> of(UUID orderId) {
		return jdbc
			.sql("""
					select id, occurred_at, recorded_at, service, step, status_after, reason, detail, ignored_because, event_id
					from order_timeline where order_id = :orderId
					order by occurred_at, id
					""")
			.param("orderId", orderId)
			.query(Timeline::recorded)
			.list();
	}

	private int insert(UUID orderId, TimelineEntry entry, String onConflict) {
		return jdbc.sql("""
				insert into order_timeline (order_id, occurred_at, recorded_at, service, step, status_after, reason,
				                            detail, ignored, ignored_because, event_id)
				values (:orderId, :occurredAt, :recordedAt, :service, :step, :statusAfter, :reason,
				        :detail, :ignored, :ignoredBecause, :eventId)
				""" + onConflict)
			.param("orderId", orderId)
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("recordedAt", Timestamp.from(Instant.now()))
			.param("service", entry.service())
			.param("step", entry.step())
			.param("statusAfter", entry.statusAfter())
			.param("reason", entry.reason())
			.param("detail", limited(entry.detail()))
			.param("ignored", entry.ignored())
			.param("ignoredBecause", limited(entry.ignoredBecause()))
			.param("eventId", entry.eventId())
			.update();
	}

	private static Recorded recorded(ResultSet row, int rowNum) throws SQLException {
		TimelineEntry entry = new TimelineEntry(instant(row, "occurred_at"), row.getString("service"),
				row.getString("step"), row.getString("status_after"), row.getString("reason"), row.getString("detail"),
				row.getString("ignored_because"), row.getObject("event_id", UUID.class));
		return new Recorded(row.getLong("id"), instant(row, "recorded_at"), entry);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable String limited(@Nullable String text) {
		return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

}
