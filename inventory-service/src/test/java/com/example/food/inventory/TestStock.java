package com.example.food.inventory;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The products of a test and what the database says about them, written and read with
 * plain SQL. Each test makes its own SKUs, so that no test depends on another's stock or
 * on the seed menu.
 */
public final class TestStock {

	/** A product's stock as stored. */
	public record Stock(int onHand, int reserved) {

		public int available() {
			return onHand - reserved;
		}
	}

	private final JdbcClient jdbc;

	public TestStock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new product with a unique SKU, priced 7.25; returns the SKU. */
	public String newProduct(int onHand) {
		return newProduct("Test dish", new BigDecimal("7.25"), onHand);
	}

	public String newProduct(String name, BigDecimal price, int onHand) {
		String sku = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("insert into product (sku, name, price, on_hand) values (:sku, :name, :price, :onHand)")
			.param("sku", sku)
			.param("name", name)
			.param("price", price)
			.param("onHand", onHand)
			.update();
		return sku;
	}

	/** Sets what is held for orders directly, as if orders had reserved it. */
	public void setReserved(String sku, int reserved) {
		jdbc.sql("update product set reserved = :reserved where sku = :sku")
			.param("sku", sku)
			.param("reserved", reserved)
			.update();
	}

	public Stock of(String sku) {
		return jdbc.sql("select on_hand, reserved from product where sku = :sku")
			.param("sku", sku)
			.query((rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved")))
			.single();
	}

	/** How many reservation rows the order has: 0 or 1. */
	public int reservationsOf(UUID orderId) {
		return jdbc.sql("select count(*) from reservation where order_id = :orderId")
			.param("orderId", orderId)
			.query(Integer.class)
			.single();
	}

	/** How many reservations hold a line of this SKU. */
	public int reservationLinesOf(String sku) {
		return jdbc.sql("select count(*) from reservation_line where sku = :sku")
			.param("sku", sku)
			.query(Integer.class)
			.single();
	}

	/** The reservation's status as stored, e.g. "RESERVED". */
	public String reservationStatusOf(UUID orderId) {
		return jdbc.sql("select status from reservation where order_id = :orderId")
			.param("orderId", orderId)
			.query(String.class)
			.single();
	}

	/**
	 * Whether the service has handled this event: the idempotent consumer records its id
	 * in the handler's transaction, so once it is there, whatever the handler did (or
	 * ignored) is visible.
	 */
	public boolean hasProcessed(UUID eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = :eventId")
			.param("eventId", eventId)
			.query(Integer.class)
			.single() == 1;
	}

	public void setReservationStatus(UUID orderId, String status) {
		jdbc.sql("update reservation set status = :status where order_id = :orderId")
			.param("orderId", orderId)
			.param("status", status)
			.update();
	}

}
