package com.example.food.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of allowed end states (docs/saga.md, "One story at five services") written as
 * code: reads what each of the five services keeps about every order, straight from their
 * databases, and reports every order whose story disagrees with the table, every order
 * acknowledged with 201 but unknown (lost), every order not final yet (stuck), and
 * whether money and stock are conserved.
 *
 * <p>
 * Money: per order, what the gateway's ledger captured minus what it refunded must be the
 * total for a delivered order and zero for every other, and no hold may be left open.
 * Stock: per SKU, what is on hand must be what was there before minus what the meals
 * prepared since used, and what is reserved must be what open reservations hold.
 */
final class SagaAgreement {

	/**
	 * The record of one order at the five services; null where a service keeps nothing
	 * about it.
	 */
	record Story(UUID orderId, String status, @Nullable String reason, @Nullable BigDecimal total,
			@Nullable String payment, BigDecimal captured, BigDecimal refunded, boolean holdOpen, int gatewayDuplicates,
			@Nullable String reservation, @Nullable String ticket, boolean tombstone, @Nullable String delivery) {

		String key() {
			return reason == null ? status : status + "/" + reason;
		}

		@Override
		public String toString() {
			return key() + ": payment " + payment + " (captured " + captured + ", refunded " + refunded
					+ (holdOpen ? ", hold open" : "") + "), reservation " + reservation + ", ticket " + ticket
					+ (tombstone ? " (tombstone)" : "") + ", delivery " + delivery;
		}
	}

	/** One way a story breaks the table. */
	record Disagreement(UUID orderId, String kind, String story) {

		@Override
		public String toString() {
			return orderId + " " + kind + ": " + story;
		}
	}

	/** What the check found. */
	record Report(int acknowledged, int known, List<UUID> lost, List<Story> stuck, List<Disagreement> disagreements,
			List<String> stockErrors, Map<String, Long> outcomes) {

		boolean agrees() {
			return lost.isEmpty() && stuck.isEmpty() && disagreements.isEmpty() && stockErrors.isEmpty();
		}

		String summary() {
			Map<String, Long> byKind = disagreements.stream()
				.collect(Collectors.groupingBy(Disagreement::kind, TreeMap::new, Collectors.counting()));
			StringBuilder text = new StringBuilder().append("acknowledged ")
				.append(acknowledged)
				.append(", known ")
				.append(known)
				.append(", lost ")
				.append(lost.size())
				.append(", stuck ")
				.append(stuck.size())
				.append(", disagreements ")
				.append(disagreements.size())
				.append(byKind.isEmpty() ? "" : " " + byKind)
				.append(", stock errors ")
				.append(stockErrors.size())
				.append("\noutcomes ")
				.append(outcomes);
			lost.stream().limit(10).forEach(id -> text.append("\n  lost ").append(id));
			stuck.stream()
				.limit(10)
				.forEach(story -> text.append("\n  stuck ").append(story.orderId()).append(' ').append(story));
			disagreements.stream().limit(20).forEach(d -> text.append("\n  ").append(d));
			stockErrors.forEach(error -> text.append("\n  ").append(error));
			return text.toString();
		}
	}

	private static final Set<String> FINAL = Set.of("DELIVERED", "CANCELLED", "REJECTED");

	private static final Set<String> NONE = Collections.singleton(null);

	private final JdbcClient orders;

	private final JdbcClient inventory;

	private final JdbcClient payments;

	private final JdbcClient kitchen;

	private final JdbcClient delivery;

	/** {@code databases} gives each service's database by the service's name. */
	SagaAgreement(Function<String, JdbcClient> databases) {
		this.orders = databases.apply("order-service");
		this.inventory = databases.apply("inventory-service");
		this.payments = databases.apply("payment-service");
		this.kitchen = databases.apply("kitchen-service");
		this.delivery = databases.apply("delivery-service");
	}

	/** Stock on hand per SKU now: take it before the orders a check will cover. */
	Map<String, Integer> onHand() {
		return inventory.sql("select sku, on_hand from product")
			.query((rs, row) -> Map.entry(rs.getString("sku"), rs.getInt("on_hand")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Checks the orders placed since {@code onHandBefore} was taken: {@code acknowledged}
	 * are the ids answered with 201 (each must be known), {@code placed} every order id
	 * to check (acknowledged or not: a 503 also leaves an order behind).
	 */
	Report check(Collection<UUID> acknowledged, Collection<UUID> placed, Map<String, Integer> onHandBefore) {
		Set<UUID> ids = new LinkedHashSet<>(placed);
		ids.addAll(acknowledged);
		Map<UUID, Story> stories = stories(ids);
		List<UUID> lost = acknowledged.stream().filter(id -> !stories.containsKey(id)).distinct().toList();
		List<Story> stuck = stories.values().stream().filter(story -> !FINAL.contains(story.status())).toList();
		List<Disagreement> disagreements = new ArrayList<>();
		stories.values()
			.stream()
			.filter(story -> FINAL.contains(story.status()))
			.forEach(story -> disagreements.addAll(disagreementsOf(story)));
		Map<String, Long> outcomes = stories.values()
			.stream()
			.collect(Collectors.groupingBy(Story::key, TreeMap::new, Collectors.counting()));
		return new Report(acknowledged.size(), stories.size(), lost, stuck, disagreements,
				stockErrors(stories.keySet(), onHandBefore), outcomes);
	}

	/**
	 * The table: what each final order allows at payment, inventory, kitchen and
	 * delivery.
	 */
	static List<Disagreement> disagreementsOf(Story story) {
		List<Disagreement> found = new ArrayList<>();
		Allowed allowed = Allowed.of(story);
		if (allowed == null) {
			found.add(new Disagreement(story.orderId(), "unknown end", story.toString()));
			return found;
		}
		check(found, story, "payment", allowed.payment(), story.payment());
		check(found, story, "reservation", allowed.reservation(), story.reservation());
		check(found, story, "ticket", allowed.ticket(), story.ticket());
		check(found, story, "delivery", allowed.delivery(), story.delivery());
		BigDecimal expected = "DELIVERED".equals(story.status()) && story.total() != null ? story.total()
				: BigDecimal.ZERO;
		BigDecimal net = story.captured().subtract(story.refunded());
		if (net.compareTo(expected) != 0) {
			found.add(new Disagreement(story.orderId(), "money",
					"kept " + net + ", expected " + expected + "; " + story));
		}
		if (story.holdOpen()) {
			found.add(new Disagreement(story.orderId(), "hold left open", story.toString()));
		}
		if (story.gatewayDuplicates() > 0) {
			found.add(new Disagreement(story.orderId(), "duplicated effect", story.toString()));
		}
		return found;
	}

	private static void check(List<Disagreement> found, Story story, String participant, Set<String> allowed,
			@Nullable String actual) {
		// Set.of(...) refuses to be asked about null: a participant that keeps
		// nothing is allowed only where the table says so with a null of its own.
		boolean allows = actual == null ? allowed.stream().anyMatch(Objects::isNull) : allowed.contains(actual);
		if (!allows) {
			found.add(new Disagreement(story.orderId(), participant, story.toString()));
		}
	}

	/**
	 * The allowed records of one final order, per participant; null in a set means "keeps
	 * nothing".
	 */
	record Allowed(Set<String> payment, Set<String> reservation, Set<String> ticket, Set<String> delivery) {

		static @Nullable Allowed of(Story story) {
			return switch (story.key()) {
				case "DELIVERED" ->
					new Allowed(Set.of("CAPTURED"), Set.of("COMMITTED"), Set.of("PREPARED"), Set.of("DELIVERED"));
				case "REJECTED/STOCK_INSUFFICIENT" -> new Allowed(NONE, NONE, NONE, NONE);
				case "CANCELLED/INVENTORY_UNAVAILABLE" ->
					new Allowed(set(null, "CANCELLED_BEFORE_PAYMENT"), set(null, "RELEASED"), NONE, NONE);
				case "CANCELLED/PAYMENT_DECLINED" ->
					new Allowed(Set.of("DECLINED"), Set.of("RELEASED", "EXPIRED"), set(null, "CANCELLED"), NONE);
				case "CANCELLED/KITCHEN_REJECTED" ->
					new Allowed(Set.of("VOIDED"), Set.of("RELEASED", "EXPIRED"), Set.of("REJECTED"), NONE);
				case "CANCELLED/NO_COURIER" -> new Allowed(Set.of("VOIDED", "REFUNDED"), Set.of("COMMITTED"),
						Set.of("PREPARED"), Set.of("FAILED"));
				case "CANCELLED/CUSTOMER_REQUEST", "CANCELLED/DEADLINE_EXCEEDED" ->
					new Allowed(Set.of("VOIDED", "REFUNDED", "DECLINED", "CANCELLED_BEFORE_PAYMENT"),
							Set.of("RELEASED", "EXPIRED"), Set.of("CANCELLED", "REJECTED"), NONE);
				default -> null;
			};
		}

		private static Set<String> set(@Nullable String... values) {
			return new HashSet<>(Arrays.asList(values));
		}
	}

	private Map<UUID, Story> stories(Set<UUID> ids) {
		Map<UUID, Story> stories = new HashMap<>();
		if (ids.isEmpty()) {
			return stories;
		}
		List<UUID> list = List.copyOf(ids);
		Map<UUID, String> paymentStatus = byOrder(payments,
				"select order_id, status from payment where order_id in (:ids)", list);
		Map<UUID, Ledger> ledgers = ledgers(list);
		Map<UUID, String> reservations = byOrder(inventory,
				"select order_id, status from reservation where order_id in (:ids)", list);
		Map<UUID, String> tickets = byOrder(kitchen, "select order_id, status from ticket where order_id in (:ids)",
				list);
		Set<UUID> tombstones = kitchen.sql("""
				select t.order_id from ticket t where t.order_id in (:ids)
				and not exists (select 1 from ticket_line l where l.ticket_id = t.id)""")
			.param("ids", list)
			.query(UUID.class)
			.set();
		Map<UUID, String> deliveries = byOrder(delivery,
				"select order_id, status from delivery where order_id in (:ids)", list);
		orders.sql("select id, status, reason, total from customer_order where id in (:ids)")
			.param("ids", list)
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				Ledger ledger = ledgers.getOrDefault(id, Ledger.EMPTY);
				return new Story(id, rs.getString("status"), rs.getString("reason"), rs.getBigDecimal("total"),
						paymentStatus.get(id), ledger.captured(), ledger.refunded(), ledger.holdOpen(),
						ledger.duplicates(), reservations.get(id), tickets.get(id), tombstones.contains(id),
						deliveries.get(id));
			})
			.list()
			.forEach(story -> stories.put(story.orderId(), story));
		return stories;
	}

	/**
	 * What the gateway did for one order, from its ledger (one row per idempotency key).
	 */
	record Ledger(BigDecimal captured, BigDecimal refunded, boolean holdOpen, int duplicates) {

		static final Ledger EMPTY = new Ledger(BigDecimal.ZERO, BigDecimal.ZERO, false, 0);

	}

	private Map<UUID, Ledger> ledgers(List<UUID> ids) {
		record Entry(UUID orderId, String operation, BigDecimal amount) {
		}
		Map<UUID, List<Entry>> entries = payments.sql("""
				select order_id, operation, amount from gateway_ledger
				where order_id in (:ids) and outcome = 'APPROVED'""")
			.param("ids", ids)
			.query((rs, row) -> new Entry(rs.getObject("order_id", UUID.class), rs.getString("operation"),
					rs.getBigDecimal("amount")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Entry::orderId));
		Map<UUID, Ledger> ledgers = new HashMap<>();
		entries.forEach((orderId, list) -> {
			Map<String, List<Entry>> byOperation = list.stream().collect(Collectors.groupingBy(Entry::operation));
			Function<String, BigDecimal> sum = operation -> byOperation.getOrDefault(operation, List.of())
				.stream()
				.map(Entry::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			boolean held = byOperation.containsKey("AUTHORIZE");
			boolean settled = byOperation.containsKey("CAPTURE") || byOperation.containsKey("VOID");
			int duplicates = byOperation.values().stream().mapToInt(same -> same.size() - 1).sum();
			ledgers.put(orderId, new Ledger(sum.apply("CAPTURE"), sum.apply("REFUND"), held && !settled, duplicates));
		});
		return ledgers;
	}

	private static Map<UUID, String> byOrder(JdbcClient db, String sql, List<UUID> ids) {
		Map<UUID, String> values = new HashMap<>();
		db.sql(sql)
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.forEach(entry -> values.put(entry.getKey(), entry.getValue()));
		return values;
	}

	/**
	 * On hand per SKU must be what it was minus the meals prepared for these orders (a
	 * ticket PREPARED: delivered, or no courier came); reserved must be what RESERVED
	 * reservations hold.
	 */
	private List<String> stockErrors(Set<UUID> ids, Map<String, Integer> onHandBefore) {
		List<String> errors = new ArrayList<>();
		Map<String, Integer> used = new HashMap<>();
		if (!ids.isEmpty()) {
			List<UUID> prepared = kitchen
				.sql("select order_id from ticket where status = 'PREPARED' and order_id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query(UUID.class)
				.list();
			if (!prepared.isEmpty()) {
				orders
					.sql("select sku, sum(quantity) as quantity from order_line where order_id in (:ids) group by sku")
					.param("ids", prepared)
					.query((rs, row) -> Map.entry(rs.getString("sku"), rs.getInt("quantity")))
					.list()
					.forEach(entry -> used.put(entry.getKey(), entry.getValue()));
			}
		}
		onHand().forEach((sku, now) -> {
			int expected = onHandBefore.getOrDefault(sku, now) - used.getOrDefault(sku, 0);
			if (now != expected) {
				errors.add("stock of " + sku + ": " + now + " on hand, expected " + expected + " ("
						+ onHandBefore.get(sku) + " before, " + used.getOrDefault(sku, 0) + " used by prepared meals)");
			}
		});
		inventory
			.sql("""
					select p.sku from product p where p.reserved <> coalesce((select sum(l.quantity) from reservation r
					    join reservation_line l on l.order_id = r.order_id where r.status = 'RESERVED' and l.sku = p.sku), 0)""")
			.query(String.class)
			.list()
			.forEach(sku -> errors.add("reserved count of " + sku + " is not what its open reservations hold"));
		return errors;
	}

}
