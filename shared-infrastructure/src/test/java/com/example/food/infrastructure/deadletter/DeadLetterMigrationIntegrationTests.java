package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.example.food.infrastructure.testapp.InfrastructureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code V0_8__dead_letter_keeps_any_message.sql} on a table that already holds dead
 * letters, in a schema of its own: their bodies, stored as text until then, keep exactly
 * their UTF-8 bytes.
 */
@InfrastructureTest
class DeadLetterMigrationIntegrationTests {

	private static final String SCHEMA = "dead_letter_migration";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropSchema() {
		jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
	}

	@Test
	void keepsTheBytesOfTheDeadLettersStoredAsText() {
		String body = "{\"dish\": \"crème brûlée\", \"note\": \"☕\"}";
		migrateTo("0.7");
		jdbc.sql("insert into " + SCHEMA + ".dead_letter (id, event_id, reason, attempts, body, dead_lettered_at) "
				+ "values (?, 'e-1', 'POISON', 1, ?, now())")
			.params(UUID.randomUUID(), body)
			.update();

		migrateTo("0.8");

		byte[] stored = jdbc.sql("select body from " + SCHEMA + ".dead_letter where event_id = 'e-1'")
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		// And the columns take what they refused before.
		jdbc.sql("update " + SCHEMA + ".dead_letter set reason = ?, event_id = ? where event_id = 'e-1'")
			.params("A_REASON_LONGER_THAN_TWENTY_CHARACTERS", "e".repeat(255))
			.update();
	}

	private void migrateTo(String version) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/infrastructure")
			.target(version)
			.load()
			.migrate();
	}

}
