package com.example.food.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;
import com.example.food.events.FoodEvent;
import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;

/**
 * The payment of one order. It comes into being charged, declined, or as a tombstone for an order
 * cancelled before it was charged; after that its only move is CHARGED to REFUNDED, once. Each
 * transition registers the event it causes; {@link PaymentManagement} writes them to the outbox in
 * the same transaction as the payment.
 */
@Entity
@Table(name = "payment")
public class Payment {

	/** As long as order-service accepts, and as payment.customer_id stores. */
	private static final int MAX_CUSTOMER_ID_LENGTH = 64;

	/** numeric(12, 2): ten digits before the point. */
	private static final int MAX_AMOUNT_PRECISION = 12;

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	private @Nullable BigDecimal amount;

	private @Nullable String customerId;

	private @Nullable String reason;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant refundedAt;

	// Null until first saved: that is how Spring Data tells a new payment (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	@Transient
	private final List<FoodEvent> events = new ArrayList<>();

	protected Payment() {
		// for JPA
	}

	private Payment(UUID orderId, PaymentStatus status, @Nullable BigDecimal amount, @Nullable String customerId) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.status = status;
		this.amount = amount;
		this.customerId = customerId;
		this.createdAt = now();
		this.updatedAt = createdAt;
	}

	/**
	 * The gateway's answer to the order's charge. CHARGED announces payment.completed with everything
	 * the kitchen and delivery need (a fat event: nobody calls back for the lines or the address);
	 * DECLINED announces payment.failed with the reason.
	 *
	 * @throws InvalidEvent if the order's total or customer id cannot be a payment's
	 */
	static Payment attempt(UUID orderId, OrderPlaced order, GatewayDecision decision) {
		BigDecimal amount = amountOf(order.total());
		String customerId = customerIdOf(order.customerId());
		return switch (decision) {
			case GatewayDecision.Approved() -> {
				Payment charged = new Payment(orderId, PaymentStatus.CHARGED, amount, customerId);
				charged.events.add(new PaymentCompleted(charged.id, amount, customerId, order.lines(),
						order.deliveryAddress()));
				yield charged;
			}
			case GatewayDecision.Declined(String reason) -> {
				Payment declined = new Payment(orderId, PaymentStatus.DECLINED, amount, customerId);
				declined.reason = reason;
				declined.events.add(new PaymentFailed(reason));
				yield declined;
			}
		};
	}

	/**
	 * The order was cancelled before it was charged: nothing to give back and nothing to announce,
	 * but the order id is taken, so a late order.placed finds this and charges nothing.
	 */
	static Payment cancelledBeforeCharge(UUID orderId, CancellationReason reason) {
		Payment tombstone = new Payment(orderId, PaymentStatus.CANCELLED_BEFORE_CHARGE, null, null);
		tombstone.reason = "order cancelled before it was charged (" + reason + ")";
		return tombstone;
	}

	/**
	 * Gives the money back because the order was cancelled. Only a CHARGED payment can be refunded,
	 * and only once: it is REFUNDED afterwards.
	 *
	 * @throws PaymentNotRefundable if the payment is not CHARGED (declined, already refunded, a tombstone)
	 */
	void refund(CancellationReason reason) {
		if (status != PaymentStatus.CHARGED || amount == null) {
			throw new PaymentNotRefundable(id, orderId, status);
		}
		this.status = PaymentStatus.REFUNDED;
		this.reason = "order cancelled (" + reason + ")";
		this.refundedAt = now();
		this.updatedAt = refundedAt;
		events.add(new PaymentRefunded(id, amount));
	}

	/** The events caused since this payment was loaded or made, handed over once to be written to the outbox. */
	List<FoodEvent> takeEvents() {
		List<FoodEvent> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	public UUID id() {
		return id;
	}

	public UUID orderId() {
		return orderId;
	}

	public PaymentStatus status() {
		return status;
	}

	/** Null for a tombstone: the order never told its total. */
	public @Nullable BigDecimal amount() {
		return amount;
	}

	public @Nullable String customerId() {
		return customerId;
	}

	/** Why the payment is where it is: the decline, or the cancellation; null while simply CHARGED. */
	public @Nullable String reason() {
		return reason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant refundedAt() {
		return refundedAt;
	}

	/** Money in cents, as stored; a total with fractions of a cent or too large to store is no order to charge. */
	private static BigDecimal amountOf(BigDecimal total) {
		BigDecimal amount;
		try {
			amount = total.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new InvalidEvent("total " + total.toPlainString() + " has fractions of a cent", ex);
		}
		if (amount.precision() > MAX_AMOUNT_PRECISION) {
			throw new InvalidEvent("total " + total.toPlainString() + " is too large to charge");
		}
		return amount;
	}

	private static String customerIdOf(String customerId) {
		if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
			throw new InvalidEvent("customerId is longer than " + MAX_CUSTOMER_ID_LENGTH + " characters");
		}
		return customerId;
	}

	// Microseconds: what PostgreSQL keeps, so that a saved and a reloaded payment show the same time.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
