package com.example.food.inventory.reservation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservation and reservation_line tables. The order id is the primary key, and both
 * ways a reservation is created are {@code insert ... on conflict (order_id) do nothing}:
 * of two transactions inserting the same order id, the second waits on the key until the
 * first ends and then inserts nothing. That is how a duplicate request learns it is a
 * duplicate.
 */
@Repository
class Reservations {

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates an empty RESERVED reservation for the order; false if the order already has
	 * one.
	 */
	boolean claim(UUID orderId, Duration timeToLive) {
		return jdbc.sql("""
				insert into reservation (order_id, status, created_at, updated_at, expires_at)
				values (:orderId, 'RESERVED', now(), now(), now() + :ttlMillis * interval '1 millisecond')
				on conflict (order_id) do nothing
				""").param("orderId", orderId).param("ttlMillis", timeToLive.toMillis()).update() == 1;
	}

	/**
	 * Stores a RELEASED tombstone for an order that has no reservation; false if it has
	 * one.
	 */
	boolean claimAsReleased(UUID orderId) {
		// A tombstone holds nothing, so it has nothing
		// left to expire: it expires as it is made.
		return jdbc.sql("""
				insert into reservation (order_id, status, created_at, updated_at, expires_at)
				values (:orderId, 'RELEASED', now(), now(), now())
				on conflict (order_id) do nothing
				""").param("orderId", orderId).update() == 1;
	}

	void addLines(UUID orderId, List<ReservationLine> lines) {
		for (ReservationLine line : lines) {
			jdbc.sql("""
					insert into reservation_line (order_id, sku, name, quantity, unit_price)
					values (:orderId, :sku, :name, :quantity, :unitPrice)
					""")
				.param("orderId", orderId)
				.param("sku", line.sku())
				.param("name", line.name())
				.param("quantity", line.quantity())
				.param("unitPrice", line.unitPrice())
				.update();
		}
	}

	/**
	 * Moves the reservation from one status to another; false if it was not in
	 * {@code from}. The update locks the row, so two facts of one order take turns: the
	 * second waits until the first commits, then finds its outcome (say RELEASED instead
	 * of RESERVED) and changes nothing.
	 */
	boolean move(UUID orderId, ReservationStatus from, ReservationStatus to) {
		return jdbc.sql("""
				update reservation set status = :to, updated_at = now()
				where order_id = :orderId and status = :from
				""").param("orderId", orderId).param("from", from.name()).param("to", to.name()).update() == 1;
	}

	/**
	 * What a late commit could not take off the shelf for this line (see
	 * V5__add_reservation_line_shortfall.sql).
	 */
	void recordShortfall(UUID orderId, String sku, int shortfall) {
		jdbc.sql("update reservation_line set shortfall = :shortfall where order_id = :orderId and sku = :sku")
			.param("orderId", orderId)
			.param("sku", sku)
			.param("shortfall", shortfall)
			.update();
	}

	/**
	 * What committing the reservation took off the shelf, per SKU in SKU order: each
	 * line's quantity, less what a late commit could not take. Lines that took nothing
	 * are left out.
	 */
	SortedMap<String, Integer> spent(UUID orderId) {
		return jdbc.sql("""
				select sku, quantity - shortfall as spent from reservation_line
				where order_id = :orderId and quantity > shortfall
				""")
			.param("orderId", orderId)
			.query((rs, row) -> Map.entry(rs.getString("sku"), rs.getInt("spent")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new));
	}

	/**
	 * Marks up to {@code limit} RESERVED reservations past their time-to-live EXPIRED and
	 * returns their lines, by order id. {@code skip locked}: a reservation being
	 * committed or released at this moment is left to that transaction (the next run sees
	 * its outcome), and two replicas running the job share the work instead of waiting on
	 * each other.
	 */
	Map<UUID, List<ReservationLine>> markExpired(int limit) {
		List<UUID> expired = jdbc.sql("""
				update reservation set status = 'EXPIRED', updated_at = now()
				where order_id in (
				    select order_id from reservation
				    where status = 'RESERVED' and expires_at <= now()
				    order by expires_at
				    limit :limit
				    for update skip locked)
				returning order_id
				""").param("limit", limit).query(UUID.class).list();
		Map<UUID, List<ReservationLine>> lines = new LinkedHashMap<>();
		expired.forEach(orderId -> lines.put(orderId, lines(orderId)));
		return lines;
	}

	Optional<Reservation> find(UUID orderId) {
		// The row first, then its lines: they were committed together, so
		// once the row is visible its lines are too (the other way round,
		// a reservation committed in between would show no lines).
		return jdbc.sql("select order_id, status, created_at, expires_at from reservation where order_id = :orderId")
			.param("orderId", orderId)
			.query((rs, row) -> new Reservation(orderId, ReservationStatus.valueOf(rs.getString("status")), List.of(),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional()
			.map(reservation -> reservation.withLines(lines(orderId)));
	}

	private List<ReservationLine> lines(UUID orderId) {
		return jdbc.sql("""
				select sku, name, quantity, unit_price from reservation_line
				where order_id = :orderId order by sku
				""")
			.param("orderId", orderId)
			.query((rs, row) -> new ReservationLine(rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
					rs.getBigDecimal("unit_price")))
			.list();
	}

}
