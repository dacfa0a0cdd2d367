package com.example.food.infrastructure.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead letters of this service, kept in its database so that they can be listed and
 * inspected. Every column takes whatever a message brings (see
 * {@code V0_8__dead_letter_keeps_any_message.sql}), and reading a row never depends on
 * its values being ones this version knows.
 */
public class DeadLetters {

	private final JdbcClient jdbc;

	public DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Idempotent, so that it can be tried again after any failure: an insert whose answer
	 * was lost with the connection may have been written, and the same letter (the same
	 * id) is then not written twice, nor refused as a duplicate.
	 */
	void add(DeadLetter letter) {
		jdbc.sql("""
				insert into dead_letter (id, event_id, original_routing_key, reason, exception, attempts, body,
				                         content_type, headers, dead_lettered_at)
				values (:id, :eventId, :routingKey, :reason, :exception, :attempts, :body, :contentType, :headers, :at)
				on conflict (id) do nothing
				""")
			.param("id", letter.id())
			.param("eventId", letter.eventId())
			.param("routingKey", letter.originalRoutingKey())
			.param("reason", letter.reason())
			.param("exception", letter.exception())
			.param("attempts", letter.attempts())
			.param("body", letter.body())
			.param("contentType", letter.contentType())
			.param("headers", DeadLetterHeaders.toJson(letter.headers()))
			.param("at", Timestamp.from(letter.deadLetteredAt()))
			.update();
	}

	public List<DeadLetter> all() {
		return jdbc.sql("select * from dead_letter order by dead_lettered_at").query(DeadLetters::map).list();
	}

	public Optional<DeadLetter> find(UUID id) {
		return jdbc.sql("select * from dead_letter where id = ?").param(id).query(DeadLetters::map).optional();
	}

	public boolean remove(UUID id) {
		return jdbc.sql("delete from dead_letter where id = ?").param(id).update() == 1;
	}

	private static DeadLetter map(ResultSet row, int number) throws SQLException {
		return new DeadLetter(row.getObject("id", UUID.class), row.getString("event_id"),
				row.getString("original_routing_key"), row.getString("reason"), row.getString("exception"),
				row.getInt("attempts"), row.getBytes("body"), row.getString("content_type"),
				DeadLetterHeaders.fromJson(row.getString("headers")), row.getTimestamp("dead_lettered_at").toInstant());
	}

}
