package com.example.food.inventory.reservation;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.OrderCancelled;
import com.example.food.events.TicketAccepted;
import com.example.food.inventory.product.Products;

import static com.example.food.inventory.reservation.ReservationStatus.COMMITTED;
import static com.example.food.inventory.reservation.ReservationStatus.EXPIRED;
import static com.example.food.inventory.reservation.ReservationStatus.RELEASED;
import static com.example.food.inventory.reservation.ReservationStatus.RESERVED;

/**
 * Inventory's part of the saga, under one rule: stock is spent exactly when food is made,
 * whatever order the facts arrive in. ticket.accepted says the kitchen is making the
 * meal. order.cancelled says the order is over, and its reason whether a meal was made:
 * only for NO_COURIER (prepared, and no courier came). The kitchen grants a customer's or
 * a deadline's cancellation only while the meal is not prepared, and every other reason
 * ends the order before the kitchen cooks.
 *
 * <pre>
 * reservation  ticket.accepted, or                  order.cancelled,
 *              order.cancelled for NO_COURIER       any other reason
 * RESERVED     COMMITTED: spent                     RELEASED: given back
 * COMMITTED    stays: spent once                    RELEASED: put back on the shelf
 * EXPIRED      COMMITTED late: what is free spent   RELEASED: nothing moves, already back
 * RELEASED     stays: nothing is held to spend      stays
 * none         nothing to spend                     RELEASED tombstone
 * </pre>
 *
 * Each transition is a conditional update of the reservation's row
 * ({@link Reservations#move}): two facts of one order take turns on the row, and the
 * second acts on what the first left. A step that finds the row changed between its
 * statements throws, and the listener retries it.
 */
@Service
class MealStock {

	private static final Logger log = LoggerFactory.getLogger(MealStock.class);

	private final Reservations reservations;

	private final Products products;

	private final StockReservations held;

	private final StockShortfalls shortfalls;

	MealStock(Reservations reservations, Products products, StockReservations held, StockShortfalls shortfalls) {
		this.reservations = reservations;
		this.products = products;
		this.held = held;
		this.shortfalls = shortfalls;
	}

	/** ticket.accepted: the kitchen is making the meal, so its stock is spent. */
	@Transactional
	void commitReservation(TicketAccepted accepted, EventEnvelope envelope) {
		spend(envelope.orderId(), "ticket.accepted");
	}

	/**
	 * order.cancelled: the stock is spent if the meal was made, and comes back if it was
	 * not.
	 */
	@Transactional
	void settleReservation(OrderCancelled cancelled, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		CancellationReason reason = cancelled.reason();
		if (reason.mealWasMade()) {
			// A NO_COURIER cancellation can overtake a retried
			// ticket.accepted: it spends, not releases.
			spend(orderId, "order.cancelled (" + reason + ")");
		}
		else {
			giveBack(orderId, reason);
		}
	}

	/**
	 * Idempotent: whichever fact of a made meal comes first spends, the other finds it
	 * COMMITTED. The reservation's own lines say what is spent, not the event's.
	 */
	private void spend(UUID orderId, String fact) {
		if (reservations.move(orderId, RESERVED, COMMITTED)) {
			Reservation reservation = reservations.find(orderId).orElseThrow();
			// Lines are in SKU order, the same lock order as every other use case.
			reservation.lines().forEach(line -> products.spend(line.sku(), line.quantity()));
			log.info("Order {}: {}: committed its reservation, stock spent {}", orderId, fact, quantities(reservation));
			return;
		}
		if (reservations.move(orderId, EXPIRED, COMMITTED)) {
			spendLate(orderId, fact);
			return;
		}
		Optional<Reservation> reservation = reservations.find(orderId);
		if (reservation.isEmpty()) {
			log.info("Order {}: {} ignored: inventory has no reservation for it, there is no stock to spend", orderId,
					fact);
			return;
		}
		switch (reservation.get().status()) {
			case COMMITTED ->
				log.info("Order {}: {}: reservation already committed; nothing is spent twice", orderId, fact);
			// The order was cancelled without a meal (or
			// released by hand) before this fact arrived.
			case RELEASED -> log.info("Order {}: {} ignored: the reservation was released, there is no stock to spend",
					orderId, fact);
			// Neither a moment ago, one of them now: it was being
			// reserved or expired meanwhile. Thrown to be retried.
			case RESERVED, EXPIRED -> throw new IllegalStateException(
					"The reservation of order " + orderId + " changed while it was being committed; commit again");
		}
	}

	/**
	 * The reservation expired and its stock was given back, but the meal is made after
	 * all: the stock is spent again, as much of it as no other order holds. What was
	 * reserved meanwhile stays reserved; the rest is a shortfall, food gone while on_hand
	 * still counts it, until the shelf is counted again: recorded on the line, logged and
	 * counted ({@link StockShortfalls}).
	 */
	private void spendLate(UUID orderId, String fact) {
		Reservation reservation = reservations.find(orderId).orElseThrow();
		SortedMap<String, Integer> spent = new TreeMap<>();
		SortedMap<String, Integer> missing = new TreeMap<>();
		for (ReservationLine line : reservation.lines()) {
			int taken = products.spendUnheld(line.sku(), line.quantity());
			spent.put(line.sku(), taken);
			if (taken < line.quantity()) {
				reservations.recordShortfall(orderId, line.sku(), line.quantity() - taken);
				missing.put(line.sku(), line.quantity() - taken);
			}
		}
		log.info("Order {}: {} after its reservation expired: committed it late, stock spent again {}", orderId, fact,
				spent);
		if (!missing.isEmpty()) {
			log.warn("Order {}: stock short by {}: other orders reserved it after the expiry, so on_hand counts that "
					+ "much food the kitchen used until the stock is counted again", orderId, missing);
			shortfalls.count(missing);
		}
	}

	/**
	 * No meal was made and none will be: whatever the order took from the shelf goes
	 * back.
	 */
	private void giveBack(UUID orderId, CancellationReason reason) {
		if (reservations.move(orderId, COMMITTED, RELEASED)) {
			// The kitchen accepted, then granted the
			// cancellation before the meal was prepared.
			SortedMap<String, Integer> spent = reservations.spent(orderId);
			spent.forEach(products::restock);
			log.info("Order {}: order.cancelled ({}) before its meal was made: released its committed reservation, "
					+ "stock back on the shelf {}", orderId, reason, spent);
			return;
		}
		if (reservations.move(orderId, EXPIRED, RELEASED)) {
			// Nothing moves: the expiry gave the stock back. RELEASED, not
			// EXPIRED, so that a ticket.accepted still on its way finds a
			// cancelled order instead of a reservation to commit late.
			log.info("Order {}: order.cancelled ({}) after its reservation expired: marked it released, its stock was "
					+ "already back", orderId, reason);
			return;
		}
		ReservationStatus status = held.giveBack(orderId).status();
		if (status == COMMITTED || status == EXPIRED) {
			// Committed or expired between the statements above.
			// Thrown to be retried: it then restocks or marks it.
			throw new IllegalStateException("The reservation of order " + orderId + " became " + status
					+ " while it was being released; release again");
		}
	}

	private static Map<String, Integer> quantities(Reservation reservation) {
		Map<String, Integer> quantities = new TreeMap<>();
		reservation.lines().forEach(line -> quantities.put(line.sku(), line.quantity()));
		return quantities;
	}

}
