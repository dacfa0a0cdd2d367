package com.example.food.order.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Keys of POST /orders, each bound to the request it came with and the
 * order id it fixed. The key is claimed before inventory is called, so a client's retry
 * of a request whose answer got lost (or that is still running) works on the same order
 * id, and inventory, whose reservation is idempotent on the order id, reserves nothing
 * twice.
 */
@Component
public class IdempotencyKeys {

	static final int MAX_LENGTH = 255;

	// A fixed configuration, not the application's mapper: a stored hash
	// must stay comparable whatever JSON settings the web layer gets later.
	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The order id of this key: {@code candidate} if the key is new, else the one it was
	 * claimed with, provided it came with the same request (compared as the hash of its
	 * JSON).
	 * @throws IdempotencyKeyReused if the key was claimed with a different request
	 */
	public UUID claim(String key, Object request, UUID candidate) {
		if (key.isBlank() || key.length() > MAX_LENGTH) {
			throw new InvalidIdempotencyKey();
		}
		String hash = hash(request);
		// One statement, so two concurrent requests with one key
		// cannot both win: the "update" that changes nothing only
		// makes PostgreSQL return the row that is already there.
		Claim claim = jdbc.sql("""
				insert into idempotency_key (key, request_hash, order_id, created_at)
				values (:key, :hash, :orderId, :now)
				on conflict (key) do update set key = excluded.key
				returning request_hash, order_id
				""")
			.param("key", key)
			.param("hash", hash)
			.param("orderId", candidate)
			.param("now", Timestamp.from(Instant.now()))
			.query(Claim.class)
			.single();
		if (!claim.requestHash().equals(hash)) {
			throw new IdempotencyKeyReused();
		}
		return claim.orderId();
	}

	/**
	 * Frees the key after an attempt that left nothing to repeat (unknown products) or
	 * that the client is told to retry (inventory unavailable): the retry then places a
	 * new order.
	 */
	public void release(String key, UUID orderId) {
		jdbc.sql("delete from idempotency_key where key = :key and order_id = :orderId")
			.param("key", key)
			.param("orderId", orderId)
			.update();
	}

	private static String hash(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private record Claim(String requestHash, UUID orderId) {

	}

}
