package com.example.food.infrastructure.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The dead letters of this service, kept in its database so that they can be listed and inspected. */
public class DeadLetters {

	private final JdbcClient jdbc;

	public DeadLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(DeadLetter letter) {
		jdbc.sql("""
				insert into dead_letter (id, event_id, original_routing_key, reason, exception, attempts, body,
				                         content_type, dead_lettered_at)
				values (:id, :eventId, :routingKey, :reason, :exception, :attempts, :body, :contentType, :at)
				""")
			.param("id", letter.id())
			.param("eventId", letter.eventId())
			.param("routingKey", letter.originalRoutingKey())
			.param("reason", letter.reason().name())
			.param("exception", letter.exception())
			.param("attempts", letter.attempts())
			.param("body", letter.body())
			.param("contentType", letter.contentType())
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
				row.getString("original_routing_key"), DeadLetterReason.valueOf(row.getString("reason")),
				row.getString("exception"), row.getInt("attempts"), row.getString("body"), row.getString("content_type"),
				row.getTimestamp("dead_lettered_at").toInstant());
	}
}
