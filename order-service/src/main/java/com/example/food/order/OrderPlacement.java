package com.example.food.order;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.order.idempotency.IdempotencyKeys;
import com.example.food.order.inventory.InventoryGateway;
import com.example.food.order.inventory.ReservationOutcome;
import com.example.food.order.inventory.ReservationRequest;

/**
 * Placing an order: the Idempotency-Key claimed, the stock reserved at inventory (a
 * synchronous call), and the order saved as inventory's answer makes it, with its event
 * (outbox) and its first timeline entry in one transaction.
 */
@Service
public class OrderPlacement {

	private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

	private final Orders orders;

	private final OrderChanges changes;

	private final IdempotencyKeys keys;

	private final InventoryGateway inventory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OrderPlacement(Orders orders, OrderChanges changes, IdempotencyKeys keys, InventoryGateway inventory,
			TransactionTemplate transaction, Clock clock) {
		this.orders = orders;
		this.changes = changes;
		this.keys = keys;
		this.inventory = inventory;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * An order as a request left it: {@code created} is false when an earlier request
	 * with the same key made it.
	 */
	public record Placed(Order order, boolean created) {

	}

	/**
	 * Reserves the stock at inventory, then saves the order and its event in one short
	 * transaction. No transaction is open during the remote call: it may take seconds,
	 * and a database connection held that long by each waiting request would run the pool
	 * dry exactly when inventory is slow.
	 * @throws StockInsufficient after saving the order as REJECTED
	 * @throws UnknownProducts with nothing saved
	 * @throws InventoryUnavailable after saving the order as CANCELLED and announcing it
	 */
	public Placed place(PlaceOrder request, @Nullable String idempotencyKey) {
		UUID orderId = idempotencyKey == null ? UUID.randomUUID()
				: keys.claim(idempotencyKey, request, UUID.randomUUID());
		Optional<Order> earlier = orders.findById(orderId);
		if (earlier.isPresent()) {
			log.info("Order {}: repeated request with the same Idempotency-Key, answering the order as it stands",
					orderId);
			return new Placed(earlier.get(), false);
		}
		OrderLogContext.set(orderId);
		log.info("Order {}: placing for customer {} with {} line(s)", orderId, request.customerId(),
				request.lines().size());
		ReservationOutcome outcome = reserve(orderId, request, idempotencyKey);
		return switch (outcome) {
			case ReservationOutcome.Reserved reserved -> {
				log.info("Order {}: stock reserved, saving as AWAITING_PAYMENT", orderId);
				yield saveNew(Order.place(orderId, request, priced(reserved), clock.instant()), null, "placed");
			}
			case ReservationOutcome.StockInsufficient insufficient -> {
				log.info("Order {}: REJECTED, not enough stock for {}", orderId, insufficient.skus());
				Order rejected = Order.reject(orderId, request, insufficient.skus(), clock.instant());
				yield refuse(saveNew(rejected, null, "rejected"),
						new StockInsufficient(orderId, insufficient.shortages()));
			}
			case ReservationOutcome.UnknownProducts unknown -> {
				log.info("Order {}: not placed, unknown products {}", orderId, unknown.skus());
				release(idempotencyKey, orderId);
				throw new UnknownProducts(unknown.skus());
			}
			case ReservationOutcome.Unavailable unavailable -> {
				log.warn("Order {}: CANCELLED, inventory unavailable: {}", orderId, unavailable.reason());
				// The key is released with the cancellation: a 503 invites
				// a retry, and the retry must place a new order, since
				// this one's reservation (if any) is being released.
				yield refuse(
						saveNew(Order.cancelForUnavailableInventory(orderId, request, unavailable.reason(),
								clock.instant()), idempotencyKey, "inventory unavailable"),
						new InventoryUnavailable(orderId, unavailable.reason(), unavailable.retryAfter()));
			}
		};
	}

	private ReservationOutcome reserve(UUID orderId, PlaceOrder request, @Nullable String idempotencyKey) {
		try {
			return inventory.reserve(new ReservationRequest(orderId,
					request.lines()
						.stream()
						.map(line -> new ReservationRequest.Line(line.sku(), line.quantity()))
						.toList()));
		}
		catch (RuntimeException ex) {
			// Inventory refused the request itself (a 4xx this code does
			// not expect): nothing was reserved and nothing is kept, so
			// a corrected retry must not be bound to this attempt.
			release(idempotencyKey, orderId);
			throw ex;
		}
	}

	/**
	 * Saves a new order and the events it caused in one transaction. If a concurrent
	 * request with the same Idempotency-Key saved this order first, that one stands and
	 * is answered instead.
	 */
	private Placed saveNew(Order order, @Nullable String releasedKey, String step) {
		try {
			int events = transaction.execute(status -> {
				orders.saveAndFlush(order);
				int recorded = changes.announce(order);
				changes.record(order, step);
				release(releasedKey, order.id());
				return recorded;
			});
			log.info("Order {}: saved as {} with {} event(s) for the outbox", order.id(), order.status(), events);
			return new Placed(order, true);
		}
		catch (DataIntegrityViolationException ex) {
			Order first = orders.findById(order.id()).orElseThrow(() -> ex);
			log.info("Order {}: already saved by a concurrent request with the same Idempotency-Key", order.id());
			return new Placed(first, false);
		}
	}

	// The refusal belongs to the request that made the
	// order; a concurrent duplicate gets the order.
	private static Placed refuse(Placed placed, RuntimeException refusal) {
		if (placed.created()) {
			throw refusal;
		}
		return placed;
	}

	private void release(@Nullable String idempotencyKey, UUID orderId) {
		if (idempotencyKey != null) {
			keys.release(idempotencyKey, orderId);
		}
	}

	private static List<OrderLine> priced(ReservationOutcome.Reserved reserved) {
		return reserved.lines()
			.stream()
			.map(line -> OrderLine.priced(line.sku(), line.name(), line.quantity(), line.unitPrice()))
			.toList();
	}

}
