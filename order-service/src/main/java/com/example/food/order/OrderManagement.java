package com.example.food.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.food.events.CancellationReason;
import com.example.food.order.timeline.Timeline;

/**
 * The order use cases after placing ({@link OrderPlacement}): ask for a cancellation,
 * find, list, and the timeline. A change is saved with the events it causes (outbox) and
 * its timeline entry in one transaction. What other services' facts do to an order is in
 * the saga package.
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

	private final OrderChanges changes;

	private final TransactionTemplate transaction;

	private final Timeline timeline;

	private final Clock clock;

	OrderManagement(Orders orders, OrderChanges changes, TransactionTemplate transaction, Timeline timeline,
			Clock clock) {
		this.orders = orders;
		this.changes = changes;
		this.transaction = transaction;
		this.timeline = timeline;
		this.clock = clock;
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
					if (changes.announce(order) > 0) {
						orders.saveAndFlush(order);
						changes.record(order, "cancellation requested by customer");
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
		if (changes.announce(order) > 0) {
			changes.record(order, "cancellation requested: deadline passed");
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
		return status == null ? orders.findAll(request) : orders.findByLifecycleStatus(status, request);
	}

}
