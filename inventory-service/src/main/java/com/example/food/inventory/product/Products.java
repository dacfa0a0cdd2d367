package com.example.food.inventory.product;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The product table. Every change of stock is ONE conditional update: the condition is
 * checked and the row changed under the row's lock, so two requests can never both take
 * the last item, whatever the interleaving. (A read followed by a write would let both
 * read "1 left".) The one read before a write, {@link #spendUnheld}, reads under that
 * lock too.
 */
@Repository
public class Products {

	private static final RowMapper<Product> PRODUCT = (rs, row) -> new Product(rs.getString("sku"),
			rs.getString("name"), rs.getBigDecimal("price"), rs.getInt("on_hand"), rs.getInt("reserved"));

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Product> all() {
		return jdbc.sql("select sku, name, price, on_hand, reserved from product order by sku").query(PRODUCT).list();
	}

	public Optional<Product> find(String sku) {
		return jdbc.sql("select sku, name, price, on_hand, reserved from product where sku = :sku")
			.param("sku", sku)
			.query(PRODUCT)
			.optional();
	}

	/** The SKUs of the given ones that are not on the menu. */
	public Set<String> unknownAmong(Collection<String> skus) {
		Set<String> unknown = new HashSet<>(skus);
		unknown.removeAll(jdbc.sql("select sku from product where sku in (:skus)")
			.param("skus", skus)
			.query(String.class)
			.list());
		return unknown;
	}

	/**
	 * Holds {@code quantity} for an order if that much is still available, and says what
	 * was reserved; empty if not enough is left (then nothing changed).
	 */
	public Optional<PricedItem> reserve(String sku, int quantity) {
		return jdbc.sql("""
				update product set reserved = reserved + :quantity
				where sku = :sku and on_hand - reserved >= :quantity
				returning sku, name, price
				""")
			.param("sku", sku)
			.param("quantity", quantity)
			.query((rs, row) -> new PricedItem(rs.getString("sku"), rs.getString("name"), rs.getBigDecimal("price")))
			.optional();
	}

	/** Gives back stock an order held. */
	public void release(String sku, int quantity) {
		jdbc.sql("update product set reserved = reserved - :quantity where sku = :sku")
			.param("sku", sku)
			.param("quantity", quantity)
			.update();
	}

	/**
	 * Spends stock an order held: it leaves the shelf (on_hand) and stops being held
	 * (reserved) together, so what can still be ordered does not change. Never below
	 * zero: what is spent was held, and reserved never exceeds on_hand.
	 */
	public void spend(String sku, int quantity) {
		jdbc.sql("update product set on_hand = on_hand - :quantity, reserved = reserved - :quantity where sku = :sku")
			.param("sku", sku)
			.param("quantity", quantity)
			.update();
	}

	/**
	 * Spends stock that is no longer held for its order (the reservation expired and gave
	 * it back, and the meal is made after all): takes as much of {@code quantity} off the
	 * shelf as no order holds, and says how much that was. What other orders reserved
	 * meanwhile stays theirs: reserved never exceeds on_hand.
	 */
	public int spendUnheld(String sku, int quantity) {
		// FOR UPDATE: the row stays locked until the transaction ends, so no
		// reservation can take what is free between this read and the update.
		int free = jdbc.sql("select on_hand - reserved from product where sku = :sku for update")
			.param("sku", sku)
			.query(Integer.class)
			.single();
		int spent = Math.min(quantity, free);
		jdbc.sql("update product set on_hand = on_hand - :spent where sku = :sku")
			.param("sku", sku)
			.param("spent", spent)
			.update();
		return spent;
	}

	/**
	 * Puts spent stock back on the shelf: the order it was spent for was cancelled before
	 * its meal was made.
	 */
	public void restock(String sku, int quantity) {
		jdbc.sql("update product set on_hand = on_hand + :quantity where sku = :sku")
			.param("sku", sku)
			.param("quantity", quantity)
			.update();
	}

	/**
	 * How much of each SKU can still be ordered, e.g. to tell a client what was short.
	 */
	public Map<String, Integer> available(Collection<String> skus) {
		return jdbc.sql("select sku, on_hand - reserved as available from product where sku in (:skus)")
			.param("skus", skus)
			.query((rs, row) -> Map.entry(rs.getString("sku"), rs.getInt("available")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Sets what is physically there, unless that is less than what is already held for
	 * orders: false if the product is missing or holds more than {@code onHand}.
	 */
	boolean changeOnHand(String sku, int onHand) {
		return jdbc.sql("update product set on_hand = :onHand where sku = :sku and reserved <= :onHand")
			.param("sku", sku)
			.param("onHand", onHand)
			.update() == 1;
	}

}
