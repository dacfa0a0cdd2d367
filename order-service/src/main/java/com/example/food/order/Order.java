package com.example.food.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.infrastructure.domain.AggregateRoot;
import com.example.food.infrastructure.domain.IllegalTransition;

/**
 * The order aggregate: what the customer asked for, at which prices, and where its saga
 * stands. Its state changes only through the methods below, each of which checks that the
 * change is allowed and registers the event it causes; {@link OrderManagement} writes
 * those events to the outbox in the same transaction as the order.
 */
@Entity
@Table(name = "customer_order")
// Every saved transition is measured there:
// outcomes and time to each state (after commit).
@EntityListeners(SagaMetrics.class)
public class Order extends AggregateRoot {

	/**
	 * The reason of a {@link OrderStatus#REJECTED} order: the only way an order is
	 * rejected.
	 */
	public static final String STOCK_INSUFFICIENT = "STOCK_INSUFFICIENT";

	private static final int MAX_DETAIL_LENGTH = 500;

	@Id
	private UUID id;

	private String customerId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private @Nullable String reason;

	// While CANCELLING: where the facts have put the
	// order, and so where a refused request returns it.
	@Enumerated(EnumType.STRING)
	private @Nullable OrderStatus resumeStatus;

	private @Nullable String reasonDetail;

	private @Nullable BigDecimal total;

	private String deliveryStreet;

	private String deliveryCity;

	private String deliveryPostcode;

	private String paymentToken;

	private Instant createdAt;

	private Instant updatedAt;

	// Null until first saved: that is how Spring Data
	// tells a new order (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	// The lines belong to the order and are always shown with it; batch
	// loading keeps a page of orders at two queries instead of one per order.
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@BatchSize(size = 100)
	private List<OrderLine> lines = new ArrayList<>();

	protected Order() {
		// for JPA
	}

	private Order(UUID id, PlaceOrder request, OrderStatus status, List<OrderLine> lines, Instant now) {
		this.id = id;
		this.customerId = request.customerId();
		this.status = status;
		this.deliveryStreet = request.deliveryAddress().street();
		this.deliveryCity = request.deliveryAddress().city();
		this.deliveryPostcode = request.deliveryAddress().postcode();
		this.paymentToken = request.paymentToken();
		this.lines = new ArrayList<>(lines);
		this.createdAt = now;
		this.updatedAt = createdAt;
	}

	/**
	 * Inventory reserved and priced every line: the order now waits for payment, which
	 * its event asks for.
	 */
	static Order place(UUID id, PlaceOrder request, List<OrderLine> pricedLines, Instant now) {
		if (pricedLines.isEmpty() || !pricedLines.stream().allMatch(OrderLine::isPriced)) {
			throw new IllegalArgumentException("an order is placed with priced lines only");
		}
		Order order = new Order(id, request, OrderStatus.AWAITING_PAYMENT, pricedLines, now);
		order.total = pricedLines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		order.register(new OrderPlaced(order.customerId, order.eventLines(), order.total, order.deliveryAddress(),
				order.paymentToken));
		return order;
	}

	/**
	 * Inventory had not enough stock. It reserved nothing (all or nothing), so nothing
	 * needs to be compensated and no event is due; the order is kept so that the customer
	 * can read why.
	 */
	static Order reject(UUID id, PlaceOrder request, List<String> shortSkus, Instant now) {
		Order order = new Order(id, request, OrderStatus.REJECTED, unpriced(request), now);
		order.reason = STOCK_INSUFFICIENT;
		order.reasonDetail = limited("Not enough stock for: " + String.join(", ", shortSkus));
		return order;
	}

	/**
	 * Inventory did not answer in time, or not at all. Its reservation may still have
	 * happened (the answer, not the request, may be what was lost), so the cancellation
	 * is announced anyway: with no lines, since none were priced, it asks inventory to
	 * release whatever it holds for this id.
	 */
	static Order cancelForUnavailableInventory(UUID id, PlaceOrder request, String detail, Instant now) {
		Order order = new Order(id, request, OrderStatus.CANCELLED, unpriced(request), now);
		order.reason = CancellationReason.INVENTORY_UNAVAILABLE.name();
		order.reasonDetail = limited(detail);
		order.register(new OrderCancelled(CancellationReason.INVENTORY_UNAVAILABLE, order.reasonDetail, List.of()));
		return order;
	}

	/**
	 * Whether a fact of the saga may move this order on to {@code next}: only forwards,
	 * and only while it is still on its way. A later state may be reached with steps in
	 * between skipped: the facts come from different services over different paths, so
	 * the kitchen's "accepted" can arrive before payment's "completed"; since the kitchen
	 * only accepts paid orders, the later fact implies the earlier one. The earlier fact,
	 * when it comes, then finds nothing to change. While a cancellation is pending the
	 * facts still count: they move {@link #progress()}, where a refused request returns
	 * the order.
	 */
	public boolean canAdvanceTo(OrderStatus next) {
		return !status.isFinal() && progress().isBefore(next);
	}

	/**
	 * Where the facts have put the order: its status, or while CANCELLING, the status a
	 * refusal returns it to.
	 */
	public OrderStatus progress() {
		return status == OrderStatus.CANCELLING && resumeStatus != null ? resumeStatus : status;
	}

	/** Payment holds the amount. Only from AWAITING_PAYMENT. */
	public void markPaid(Instant now) {
		advanceTo(OrderStatus.PAID, now);
	}

	/**
	 * The kitchen accepted the ticket and is cooking; it may still drop it if asked
	 * before the meal is prepared.
	 */
	public void markPreparing(Instant now) {
		advanceTo(OrderStatus.PREPARING, now);
	}

	/**
	 * The meal is ready: the point of no return, no cancellation is granted from here.
	 */
	public void markReadyForDelivery(Instant now) {
		advanceTo(OrderStatus.READY_FOR_DELIVERY, now);
	}

	/** A courier took the meal. */
	public void markOutForDelivery(Instant now) {
		advanceTo(OrderStatus.OUT_FOR_DELIVERY, now);
	}

	/** The customer has the meal: the saga is over. */
	public void markDelivered(Instant now) {
		advanceTo(OrderStatus.DELIVERED, now);
	}

	/**
	 * Whether the customer (or a deadline) may ask for the order to be cancelled now:
	 * while it is on its way and, as far as the facts say, its meal is not prepared, with
	 * no request already pending. This is only what the order's own view forbids; whether
	 * it is too late is the kitchen's answer.
	 */
	public boolean canRequestCancellation() {
		return !status.isFinal() && status != OrderStatus.CANCELLING && status.isBefore(OrderStatus.READY_FOR_DELIVERY);
	}

	/**
	 * Asks the kitchen to cancel the order (order.cancellation-requested) and waits for
	 * its answer in CANCELLING, a semantic lock: nothing is compensated yet, since the
	 * kitchen may already have prepared the meal. An order already cancelling or
	 * cancelled is left as it is.
	 * @throws OrderNotCancellable if the meal is known to be prepared, or the order has
	 * ended otherwise
	 */
	public void requestCancellation(CancellationReason reason, String detail, Instant now) {
		if (!reason.isRequested()) {
			throw new IllegalArgumentException(reason + " ends an order as a fact, it is not requested");
		}
		if (status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED) {
			return;
		}
		if (!canRequestCancellation()) {
			throw new OrderNotCancellable(id, status);
		}
		this.resumeStatus = status;
		this.status = OrderStatus.CANCELLING;
		this.reason = reason.name();
		this.reasonDetail = limited(detail);
		this.updatedAt = now;
		register(new OrderCancellationRequested(reason, reasonDetail));
	}

	/** Whether a kitchen's answer to a cancellation request finds one pending. */
	public boolean isCancelling() {
		return status == OrderStatus.CANCELLING;
	}

	/**
	 * The kitchen granted the pending request: no meal is or will be made, so the order
	 * ends CANCELLED for the reason it was asked for, and order.cancelled sets the
	 * compensations going.
	 */
	public void cancellationGranted(Instant now) {
		if (!isCancelling() || reason == null) {
			throw new IllegalTransition("Order", id, status, "grant a cancellation: none is pending");
		}
		this.status = OrderStatus.CANCELLED;
		this.resumeStatus = null;
		this.updatedAt = now;
		register(new OrderCancelled(CancellationReason.valueOf(reason), reasonDetail, eventLines()));
	}

	/**
	 * The kitchen refused the pending request (the meal is prepared): the order goes back
	 * to where the facts put it.
	 */
	public void cancellationRefused(Instant now) {
		if (!isCancelling()) {
			throw new IllegalTransition("Order", id, status, "refuse a cancellation: none is pending");
		}
		this.status = progress();
		this.resumeStatus = null;
		this.reason = null;
		this.reasonDetail = null;
		this.updatedAt = now;
	}

	/**
	 * Whether a fact ending the order for {@code reason} would end it now. Such facts
	 * come from the service that decided: a declined payment only while the order waits
	 * for it, a kitchen that rejects the ticket until it has accepted it, a missing
	 * courier until a courier has the meal. They end the order also while a cancellation
	 * request is pending (its answer then finds nothing to do). CUSTOMER_REQUEST and
	 * DEADLINE_EXCEEDED are never facts here: they are requests the kitchen answers
	 * ({@link #requestCancellation}); INVENTORY_UNAVAILABLE happens only while placing.
	 */
	public boolean canCancel(CancellationReason reason) {
		if (status.isFinal()) {
			return false;
		}
		return switch (reason) {
			case KITCHEN_REJECTED -> progress().isBefore(OrderStatus.PREPARING);
			case PAYMENT_DECLINED -> progress().isBefore(OrderStatus.PAID);
			case NO_COURIER -> progress().isBefore(OrderStatus.OUT_FOR_DELIVERY);
			case CUSTOMER_REQUEST, DEADLINE_EXCEEDED, INVENTORY_UNAVAILABLE -> false;
		};
	}

	/**
	 * Ends the order without a meal because another service said so, and announces it
	 * with its lines, so that inventory releases the stock (or spends it, if the meal was
	 * made), payment voids or refunds, as {@link #canCancel} allows. Cancelling an order
	 * already cancelled changes nothing and announces nothing again.
	 * @throws OrderNotCancellable if the order is past the point of cancelling for this
	 * reason, or was rejected
	 */
	public void cancel(CancellationReason reason, @Nullable String detail, Instant now) {
		if (status == OrderStatus.CANCELLED) {
			// already over: a repeated fact gets the
			// same answer, and the saga hears it once
			return;
		}
		if (!canCancel(reason)) {
			throw new OrderNotCancellable(id, status);
		}
		this.status = OrderStatus.CANCELLED;
		this.resumeStatus = null;
		this.reason = reason.name();
		this.reasonDetail = detail == null ? null : limited(detail);
		this.updatedAt = now;
		register(new OrderCancelled(reason, reasonDetail, eventLines()));
	}

	private void advanceTo(OrderStatus next, Instant now) {
		if (!canAdvanceTo(next)) {
			throw new IllegalTransition("Order", id, status, "become " + next);
		}
		if (status == OrderStatus.CANCELLING) {
			// The lock holds: the order waits for the kitchen's
			// answer, and remembers where the facts are.
			this.resumeStatus = next;
			return;
		}
		this.status = next;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String customerId() {
		return customerId;
	}

	public OrderStatus status() {
		return status;
	}

	/**
	 * Why the order was rejected or cancelled, e.g. {@code STOCK_INSUFFICIENT} or
	 * {@code CUSTOMER_REQUEST}.
	 */
	public @Nullable String reason() {
		return reason;
	}

	public @Nullable String reasonDetail() {
		return reasonDetail;
	}

	public List<OrderLine> lines() {
		return List.copyOf(lines);
	}

	/** Null when inventory never priced the order. */
	public @Nullable BigDecimal total() {
		return total;
	}

	public DeliveryAddress deliveryAddress() {
		return new DeliveryAddress(deliveryStreet, deliveryCity, deliveryPostcode);
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	private List<com.example.food.events.OrderLine> eventLines() {
		return lines.stream().map(OrderLine::toEvent).toList();
	}

	private static List<OrderLine> unpriced(PlaceOrder request) {
		return request.lines().stream().map(line -> OrderLine.unpriced(line.sku(), line.quantity())).toList();
	}

	private static String limited(String detail) {
		return detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
	}

}
