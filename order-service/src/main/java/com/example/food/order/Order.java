package com.example.food.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.OrderCancellationRequested;
import com.example.food.events.OrderCancelled;
import com.example.food.events.OrderPlaced;
import com.example.food.infrastructure.domain.AggregateRoot;
import com.example.food.infrastructure.domain.IllegalTransition;

/**
 * The order aggregate: what the customer asked for, at which prices
 * ({@link OrderContents}), and where its saga stands ({@link OrderLifecycle}, whose rules
 * say which moves are allowed). Its state changes only through the methods below, each of
 * which checks that the change is allowed, throws if not, and registers the event it
 * causes; the use cases ({@link OrderPlacement}, {@link OrderManagement}, the saga's
 * handlers) write those events to the outbox in the same transaction as the order.
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

	@Id
	private UUID id;

	private String customerId;

	@Embedded
	private OrderLifecycle lifecycle;

	@Embedded
	private OrderContents contents;

	private String paymentToken;

	private Instant createdAt;

	private Instant updatedAt;

	// Null until first saved: that is how Spring Data
	// tells a new order (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	protected Order() {
		// for JPA
	}

	private Order(UUID id, PlaceOrder request, OrderContents contents, OrderLifecycle lifecycle, Instant now) {
		this.id = id;
		this.customerId = request.customerId();
		this.contents = contents;
		this.paymentToken = request.paymentToken();
		this.createdAt = now;
		become(lifecycle, now);
	}

	/**
	 * Inventory reserved and priced every line: the order now waits for payment, which
	 * its event asks for.
	 */
	static Order place(UUID id, PlaceOrder request, List<OrderLine> pricedLines, Instant now) {
		Order order = new Order(id, request, OrderContents.priced(pricedLines, request.deliveryAddress()),
				OrderLifecycle.at(OrderStatus.AWAITING_PAYMENT), now);
		order.register(new OrderPlaced(order.customerId, order.contents.eventLines(), order.total(),
				order.deliveryAddress(), order.paymentToken));
		return order;
	}

	/**
	 * Inventory had not enough stock. It reserved nothing (all or nothing), so nothing
	 * needs to be compensated and no event is due; the order is kept so that the customer
	 * can read why.
	 */
	static Order reject(UUID id, PlaceOrder request, List<String> shortSkus, Instant now) {
		return new Order(id, request, OrderContents.unpriced(request), OrderLifecycle.ended(OrderStatus.REJECTED,
				STOCK_INSUFFICIENT, "Not enough stock for: " + String.join(", ", shortSkus)), now);
	}

	/**
	 * Inventory did not answer in time, or not at all. Its reservation may still have
	 * happened (the answer, not the request, may be what was lost), so the cancellation
	 * is announced anyway: with no lines, since none were priced, it asks inventory to
	 * release whatever it holds for this id.
	 */
	static Order cancelForUnavailableInventory(UUID id, PlaceOrder request, String detail, Instant now) {
		Order order = new Order(id, request, OrderContents.unpriced(request),
				OrderLifecycle.ended(OrderStatus.CANCELLED, CancellationReason.INVENTORY_UNAVAILABLE.name(), detail),
				now);
		order.register(new OrderCancelled(CancellationReason.INVENTORY_UNAVAILABLE, order.reasonDetail(), List.of()));
		return order;
	}

	/** See {@link OrderLifecycle#canAdvanceTo}: forwards only, early facts allowed. */
	public boolean canAdvanceTo(OrderStatus next) {
		return lifecycle.canAdvanceTo(next);
	}

	/** See {@link OrderLifecycle#progress}: where the facts have put the order. */
	public OrderStatus progress() {
		return lifecycle.progress();
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

	/** See {@link OrderLifecycle#canRequestCancellation}: as far as the order knows. */
	public boolean canRequestCancellation() {
		return lifecycle.canRequestCancellation();
	}

	/**
	 * Asks the kitchen to cancel the order (order.cancellation-requested) and waits for
	 * its answer in CANCELLING. An order already cancelling or cancelled is left as it
	 * is.
	 * @throws OrderNotCancellable if the meal is known to be prepared, or the order has
	 * ended otherwise
	 */
	public void requestCancellation(CancellationReason reason, String detail, Instant now) {
		if (!reason.isRequested()) {
			throw new IllegalArgumentException(reason + " ends an order as a fact, it is not requested");
		}
		if (status() == OrderStatus.CANCELLING || status() == OrderStatus.CANCELLED) {
			return;
		}
		if (!canRequestCancellation()) {
			throw new OrderNotCancellable(id, status());
		}
		become(lifecycle.cancellationRequested(reason, detail), now);
		register(new OrderCancellationRequested(reason, reasonDetail()));
	}

	/** Whether a kitchen's answer to a cancellation request finds one pending. */
	public boolean isCancelling() {
		return lifecycle.isCancelling();
	}

	/**
	 * The kitchen granted the pending request: no meal is or will be made, so the order
	 * ends CANCELLED for the reason it was asked for, and order.cancelled sets the
	 * compensations going.
	 */
	public void cancellationGranted(Instant now) {
		if (!isCancelling() || reason() == null) {
			throw new IllegalTransition("Order", id, status(), "grant a cancellation: none is pending");
		}
		become(lifecycle.cancellationGranted(), now);
		register(new OrderCancelled(CancellationReason.valueOf(reason()), reasonDetail(), contents.eventLines()));
	}

	/**
	 * The kitchen refused the pending request (the meal is prepared): the order goes back
	 * to where the facts put it.
	 */
	public void cancellationRefused(Instant now) {
		if (!isCancelling()) {
			throw new IllegalTransition("Order", id, status(), "refuse a cancellation: none is pending");
		}
		become(lifecycle.cancellationRefused(), now);
	}

	/** See {@link OrderLifecycle#canCancel}: whether such a fact ends it now. */
	public boolean canCancel(CancellationReason reason) {
		return lifecycle.canCancel(reason);
	}

	/**
	 * Ends the order without a meal because another service said so, and announces it
	 * with its lines, so that inventory releases the stock (or spends it, if the meal was
	 * made), payment voids or refunds. Cancelling it again announces nothing again.
	 * @throws OrderNotCancellable if the order is past the point of cancelling for this
	 * reason, or was rejected
	 */
	public void cancel(CancellationReason reason, @Nullable String detail, Instant now) {
		if (status() == OrderStatus.CANCELLED) {
			// already over: a repeated fact gets the
			// same answer, and the saga hears it once
			return;
		}
		if (!canCancel(reason)) {
			throw new OrderNotCancellable(id, status());
		}
		become(lifecycle.cancelled(reason, detail), now);
		register(new OrderCancelled(reason, reasonDetail(), contents.eventLines()));
	}

	private void advanceTo(OrderStatus next, Instant now) {
		if (!canAdvanceTo(next)) {
			throw new IllegalTransition("Order", id, status(), "become " + next);
		}
		// While CANCELLING the order still shows the request, and
		// its time in that state runs from when it was made.
		become(lifecycle.advancedTo(next), isCancelling() ? updatedAt : now);
	}

	private void become(OrderLifecycle next, Instant now) {
		this.lifecycle = next;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String customerId() {
		return customerId;
	}

	public OrderStatus status() {
		return lifecycle.status();
	}

	/**
	 * Why the order was rejected or cancelled, e.g. {@code STOCK_INSUFFICIENT} or
	 * {@code CUSTOMER_REQUEST}.
	 */
	public @Nullable String reason() {
		return lifecycle.reason();
	}

	public @Nullable String reasonDetail() {
		return lifecycle.reasonDetail();
	}

	public List<OrderLine> lines() {
		return contents.lines();
	}

	/** Null when inventory never priced the order. */
	public @Nullable BigDecimal total() {
		return contents.total();
	}

	public DeliveryAddress deliveryAddress() {
		return contents.deliveryAddress();
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

}
