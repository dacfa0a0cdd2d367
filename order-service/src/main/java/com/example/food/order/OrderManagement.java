package com.example.food.order;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.infrastructure.observability.OrderLogContext;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.order.idempotency.IdempotencyKeys;
import com.example.food.order.inventory.InventoryGateway;
import com.example.food.order.inventory.ReservationOutcome;
import com.example.food.order.inventory.ReservationRequest;
import com.example.food.order.timeline.Timeline;
import com.example.food.order.timeline.TimelineEntry;

/**
 * The order use cases: place, cancel, find, list, and the timeline. Each change is saved
 * with the events it causes (outbox) and its timeline entry in one transaction. What
 * other services' facts do to an order is in the saga package.
 */
@Service
public class OrderManagement {

	private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

	/**
	 * A request that meets a concurrent change of its order tries again; a few times is
	 * plenty.
	 */
	private static final int MAX_ATTEMPTS_ON_CONFLICT = 3;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final Orders orders;

	private final Outbox outbox;

	private final IdempotencyKeys keys;

	private final InventoryGateway inventory;

	private final TransactionTemplate transaction;

	private final Timeline timeline;

	private final Clock clock;

	OrderManagement(Orders orders, Outbox outbox, IdempotencyKeys keys, InventoryGateway inventory,
			TransactionTemplate transaction, Timeline timeline, Clock clock) {
		this.orders = orders;
		this.outbox = outbox;
		this.keys = keys;
		this.inventory = inventory;
		this.transaction = transaction;
		this.timeline = timeline;
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

	/**
	 * The customer's cancellation: a request the kitchen answers. The order waits in
	 * CANCELLING and order.cancellation-requested asks the kitchen; read the outcome from
	 * the order. An order already cancelling or cancelled is answered as it stands. A
	 * saga fact that changes the order at the same moment wins the optimistic lock; the
	 * request is then simply made again on the order as it now is.
	 * @throws OrderNotCancellable if its meal is known to be prepared, or it was
	 * delivered or rejected
	 */
	public Order requestCancellation(UUID orderId) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> {
					Order order = find(orderId);
					order.requestCancellation(CancellationReason.CUSTOMER_REQUEST,
							"Cancelled at the customer's request", clock.instant());
					if (record(order) > 0) {
						orders.saveAndFlush(order);
						timeline.record(orderId, ownStep(order, "cancellation requested by customer"));
						log.info("Order {}: CANCELLING at the customer's request; the kitchen decides", orderId);
					}
					return order;
				});
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS_ON_CONFLICT) {
					throw ex;
				}
				log.info("Order {}: changed by a saga fact while being cancelled; asking again on its new state",
						orderId);
			}
		}
	}

	/**
	 * Asks the kitchen to cancel an order that sat in {@code stuckIn} past its deadline,
	 * if it is still there and may still be cancelled; like a customer's request, it is
	 * cancelled only if the kitchen grants it. False if there was nothing to ask (the
	 * saga moved on meanwhile, or too far).
	 */
	@Transactional
	public boolean requestCancellationForDeadline(UUID orderId, OrderStatus stuckIn, String detail) {
		Order order = find(orderId);
		if (order.status() != stuckIn || !order.canRequestCancellation()) {
			return false;
		}
		order.requestCancellation(CancellationReason.DEADLINE_EXCEEDED, detail, clock.instant());
		if (record(order) > 0) {
			timeline.record(orderId, ownStep(order, "cancellation requested: deadline passed"));
			log.info("Order {}: CANCELLING, its deadline in {} passed; the kitchen decides", orderId, stuckIn);
		}
		return true;
	}

	/**
	 * Every step of the order's saga, oldest first.
	 * @throws OrderNotFound if there is no such order (an empty timeline would hide a
	 * wrong id)
	 */
	@Transactional(readOnly = true)
	public List<Timeline.Recorded> timeline(UUID orderId) {
		if (!orders.existsById(orderId)) {
			throw new OrderNotFound(orderId);
		}
		return timeline.of(orderId);
	}

	@Transactional(readOnly = true)
	public Order find(UUID orderId) {
		return orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
	}

	/** Newest first; all orders when {@code status} is null. */
	@Transactional(readOnly = true)
	public Page<Order> list(@Nullable OrderStatus status, int page, int size) {
		PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
		return status == null ? orders.findAll(request) : orders.findByStatus(status, request);
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
				int recorded = record(order);
				timeline.record(order.id(), ownStep(order, step));
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

	/**
	 * Writes the events the order caused to the outbox, in the caller's transaction; says
	 * how many.
	 */
	private int record(Order order) {
		List<EventEnvelope> events = order.takeEvents()
			.stream()
			.map(event -> EventEnvelope.of(event, order.id()))
			.toList();
		events.forEach(outbox::add);
		return events.size();
	}

	/**
	 * The order's own step as the timeline shows it: its new status, and for an end, the
	 * reason.
	 */
	private static TimelineEntry ownStep(Order order, String step) {
		String detail = order.status() == OrderStatus.AWAITING_PAYMENT
				? order.lines().size() + " line(s), total " + order.total() : order.reasonDetail();
		return TimelineEntry.ofOrder(order.updatedAt(), step, order.status().name(), order.reason(), detail);
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
