package com.example.food.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.inventory.product.PricedItem;
import com.example.food.inventory.product.Products;
import com.example.food.inventory.reservation.ReservationOutcome.AlreadyKnown;
import com.example.food.inventory.reservation.ReservationOutcome.Reserved;
import com.example.food.inventory.reservation.StockInsufficient.Shortage;

/**
 * Reserving stock for an order, all or nothing, once per order id, and giving it back.
 * (Spending it when the meal is made is {@link MealStock}'s; giving back what a stalled
 * saga holds is {@link ReservationExpiry}'s.)
 *
 * Each use case is ONE transaction (PostgreSQL's default READ COMMITTED), and the safety
 * comes from the statements, not from reading first and deciding after: the order id is
 * claimed by inserting its key, and each SKU is taken by a conditional update that only
 * succeeds if enough is left. Any refusal throws, and the rollback undoes everything the
 * request did before it.
 */
@Service
public class StockReservations {

	private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

	private final Reservations reservations;

	private final Products products;

	private final ReservationProperties properties;

	StockReservations(Reservations reservations, Products products, ReservationProperties properties) {
		this.reservations = reservations;
		this.products = products;
		this.properties = properties;
	}

	/**
	 * Reserves the quantities (per SKU, sorted) for the order, or answers with the
	 * reservation the order already has.
	 */
	@Transactional
	public ReservationOutcome reserve(UUID orderId, SortedMap<String, Integer> quantities) {
		OrderLogContext.set(orderId);
		// 1. Claim the order id. A concurrent request for the same order waits here, on
		// the key,
		// until the first commits (it then finds that
		// reservation) or rolls back (it claims it itself).
		if (!reservations.claim(orderId, properties.timeToLive())) {
			return new AlreadyKnown(known(orderId, quantities));
		}
		// 2. Every SKU must be on the menu; this one is refused whatever the stock.
		Set<String> unknown = products.unknownAmong(quantities.keySet());
		if (!unknown.isEmpty()) {
			log.info("Refused to reserve for order {}: not on the menu: {}", orderId, unknown);
			throw new UnknownProducts(unknown);
		}
		// 3. Take each line if enough is left. In SKU order: every reservation locks the
		// product rows
		// in the same order, so two of them can never wait on each other (no deadlock).
		List<ReservationLine> lines = new ArrayList<>();
		List<String> shortSkus = new ArrayList<>();
		quantities.forEach((sku, quantity) -> products.reserve(sku, quantity)
			.ifPresentOrElse(item -> lines.add(line(item, quantity)), () -> shortSkus.add(sku)));
		if (!shortSkus.isEmpty()) {
			// All or nothing: the rollback gives back
			// the lines already taken and the claim.
			log.info("Refused to reserve for order {}: not enough stock of {}", orderId, shortSkus);
			throw new StockInsufficient(shortages(shortSkus, quantities));
		}
		reservations.addLines(orderId, lines);
		Reservation reservation = reservations.find(orderId).orElseThrow();
		log.info("Reserved stock for order {}: {}", orderId, quantities);
		return new Reserved(reservation);
	}

	/**
	 * {@code DELETE /reservations/{orderId}}: gives back the stock held for the order
	 * (see {@link #giveBack}), and refuses with 409 if it is spent. A request carries no
	 * reason, so it cannot tell whether the meal was made: only order.cancelled puts
	 * spent stock back.
	 */
	@Transactional
	public Reservation release(UUID orderId) {
		Reservation reservation = giveBack(orderId);
		if (reservation.status() == ReservationStatus.COMMITTED) {
			throw new ReservationCommitted(orderId);
		}
		return reservation;
	}

	@Transactional(readOnly = true)
	public Reservation find(UUID orderId) {
		return reservations.find(orderId).orElseThrow(() -> new ReservationNotFound(orderId));
	}

	/**
	 * Gives back the stock held for the order and answers with the reservation as it now
	 * stands. Idempotent: releasing again changes nothing. An order with no reservation
	 * gets a RELEASED tombstone, so that its reservation request, if it is still on its
	 * way (a slow first attempt, a retry), reserves nothing that no one would ever
	 * release. A COMMITTED or EXPIRED reservation is left as it is; what that means is
	 * the caller's to say ({@link #release}, {@link MealStock}).
	 */
	@Transactional
	Reservation giveBack(UUID orderId) {
		if (reservations.claimAsReleased(orderId)) {
			log.info("Released order {} before it reserved anything: stored a tombstone", orderId);
			return reservations.find(orderId).orElseThrow();
		}
		if (reservations.move(orderId, ReservationStatus.RESERVED, ReservationStatus.RELEASED)) {
			Reservation reservation = reservations.find(orderId).orElseThrow();
			// Lines are in SKU order, the same lock order as reserving.
			reservation.lines().forEach(line -> products.release(line.sku(), line.quantity()));
			log.info("Released stock for order {}", orderId);
			return reservation;
		}
		Reservation reservation = reservations.find(orderId).orElseThrow();
		if (reservation.status() != ReservationStatus.COMMITTED) {
			log.info("Order {} was already {}: nothing to give back", orderId, reservation.status());
		}
		return reservation;
	}

	/**
	 * The reservation the order already has, if this request is a repeat of the one that
	 * made it.
	 */
	private Reservation known(UUID orderId, Map<String, Integer> quantities) {
		Reservation reservation = reservations.find(orderId).orElseThrow();
		if (!reservation.isTombstone() && !reservation.madeFor(quantities)) {
			throw new ReservationConflict(orderId);
		}
		log.info("Order {} asked again: answered with its {} reservation, nothing reserved", orderId,
				reservation.status());
		return reservation;
	}

	private List<Shortage> shortages(List<String> shortSkus, Map<String, Integer> quantities) {
		Map<String, Integer> available = products.available(shortSkus);
		return shortSkus.stream().map(sku -> new Shortage(sku, quantities.get(sku), available.get(sku))).toList();
	}

	private static ReservationLine line(PricedItem item, int quantity) {
		return new ReservationLine(item.sku(), item.name(), quantity, item.unitPrice());
	}

}
