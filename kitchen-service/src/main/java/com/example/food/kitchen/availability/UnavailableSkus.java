package com.example.food.kitchen.availability;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dishes the kitchen cannot make right now (table unavailable_sku): the one place
 * this teaching switch lives. An operator changes it over
 * /admin/kitchen/unavailable-skus; the kitchen reads it for every ticket, so a change
 * counts from the next ticket on, on every replica.
 */
@Repository
public class UnavailableSkus {

	private final JdbcClient jdbc;

	UnavailableSkus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which of these SKUs the kitchen cannot make. */
	public Set<String> among(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Set.of();
		}
		return new TreeSet<>(jdbc.sql("select sku from unavailable_sku where sku in (:skus)")
			.param("skus", skus)
			.query(String.class)
			.list());
	}

	/** All of them, sorted. */
	List<String> all() {
		return jdbc.sql("select sku from unavailable_sku order by sku").query(String.class).list();
	}

	/**
	 * Replaces the whole list in one transaction: no ticket is decided against half of
	 * it.
	 */
	@Transactional
	void replaceWith(Collection<String> skus) {
		jdbc.sql("delete from unavailable_sku").update();
		new TreeSet<>(skus).forEach(this::add);
	}

	/** Idempotent: marking a SKU that is already unavailable changes nothing. */
	@Transactional
	void add(String sku) {
		jdbc.sql("insert into unavailable_sku (sku, marked_at) values (:sku, now()) on conflict (sku) do nothing")
			.param("sku", sku)
			.update();
	}

	/** Idempotent: a SKU that is not on the list stays off it. */
	@Transactional
	void remove(String sku) {
		jdbc.sql("delete from unavailable_sku where sku = :sku").param("sku", sku).update();
	}

}
