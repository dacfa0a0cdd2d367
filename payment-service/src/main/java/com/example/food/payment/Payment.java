package com.example.food.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;
import com.example.food.events.EventEnvelope;
import com.example.food.events.EventJson;
import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderPlaced;
import com.example.food.events.PaymentCaptured;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.PaymentFailed;
import com.example.food.events.PaymentRefunded;
import com.example.food.events.PaymentVoided;
import com.example.food.infrastructure.domain.AggregateRoot;
import com.example.food.infrastructure.domain.IllegalTransition;
import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayOperation;
import com.example.food.payment.gateway.GatewayRequest;

/**
 * The payment of one order: money is held, then taken. It guards its transitions in two
 * halves. A fact asks for a gateway operation ({@link #requestCapture},
 * {@link #requestCancellation}): that only records the <em>intent</em>, the one pending
 * operation, and nothing changes hands yet. The gateway's answer is then {@link #record
 * recorded}: the status moves, the event is registered, and a follow-up remembered
 * meanwhile becomes the next intent. {@link PaymentManagement} and {@link GatewayCalls}
 * write the registered events to the outbox with the payment.
 */
@Entity
@Table(name = "payment")
public class Payment extends AggregateRoot {

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

	@Enumerated(EnumType.STRING)
	private @Nullable CancellationReason cancellationReason;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant authorizedAt;

	private @Nullable Instant capturedAt;

	private @Nullable Instant voidedAt;

	private @Nullable Instant refundedAt;

	// The gateway operation asked for and not answered
	// yet (payment.pending_operation and its companions).
	@Embedded
	private GatewayIntent intent = new GatewayIntent();

	/**
	 * The order.placed event, kept only until the authorisation is answered: its token
	 * and lines are needed till then.
	 */
	private @Nullable String orderPlaced;

	// Null until first saved: that is how Spring Data
	// tells a new payment (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	protected Payment() {
		// for JPA
	}

	private Payment(UUID orderId, PaymentStatus status, @Nullable BigDecimal amount, @Nullable String customerId,
			Instant now) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.status = status;
		this.amount = amount;
		this.customerId = customerId;
		this.createdAt = now;
		this.updatedAt = createdAt;
	}

	/**
	 * order.placed: the payment comes into being AUTHORIZING, with the intent to hold the
	 * order's total. Nothing is announced until the gateway answers.
	 * @throws InvalidEvent if the order's total or customer id cannot be a payment's
	 */
	static Payment authorizing(OrderPlaced order, EventEnvelope placed, Instant now) {
		Payment payment = new Payment(placed.orderId(), PaymentStatus.AUTHORIZING, amountOf(order.total()),
				customerIdOf(order.customerId()), now);
		payment.orderPlaced = EventJson.write(placed);
		payment.startIntent(GatewayOperation.AUTHORIZE, placed.eventId(), now);
		return payment;
	}

	/**
	 * The order was cancelled before its order.placed arrived: nothing to give back and
	 * nothing to announce, but the order id is taken, so a late order.placed finds this
	 * and holds nothing.
	 */
	static Payment cancelledBeforePayment(UUID orderId, CancellationReason reason, Instant now) {
		Payment tombstone = new Payment(orderId, PaymentStatus.CANCELLED_BEFORE_PAYMENT, null, null, now);
		tombstone.cancellationReason = reason;
		tombstone.reason = "order cancelled before any payment (" + reason + ")";
		return tombstone;
	}

	/**
	 * ticket.accepted: take the amount held. Only an AUTHORIZED hold is captured, and
	 * only once.
	 */
	Reaction requestCapture(UUID cause, Instant now) {
		GatewayOperation pending = intent.operation();
		FollowUp followUp = intent.followUp();
		if (pending != null) {
			return switch (pending) {
				case AUTHORIZE ->
					followUp == null ? remember(FollowUp.CAPTURE, cause, now)
							: new Reaction.Ignored(followUp == FollowUp.CANCEL
									? "the order was cancelled while the authorisation was pending: the "
											+ "hold will be voided, never captured"
									: "its capture is already remembered");
				case CAPTURE -> new Reaction.Ignored("its capture is already under way; a hold is captured once");
				case VOID -> new Reaction.Ignored("the order was cancelled: the hold is being voided, never captured");
				case REFUND -> new Reaction.Ignored("it was captured already, and is being refunded");
			};
		}
		return switch (status) {
			case AUTHORIZED -> request(GatewayOperation.CAPTURE, cause, now);
			case CAPTURED, REFUNDED -> new Reaction.Ignored("it was captured already; money is taken once");
			case VOIDED -> new Reaction.Ignored(
					"the hold was voided (the order was cancelled); a voided hold is never " + "captured");
			case DECLINED -> new Reaction.Ignored("the authorisation was declined; nothing is held to capture");
			case CANCELLED_BEFORE_PAYMENT ->
				new Reaction.Ignored("the order was cancelled before any payment; nothing " + "is held");
			case AUTHORIZING -> throw withoutItsIntent("capture");
		};
	}

	/**
	 * order.cancelled: release a hold (VOID) or give back what was taken (REFUND),
	 * whatever the reason. While the authorisation or the capture is pending, the
	 * cancellation is remembered and applied to its answer: in the end a cancelled
	 * order's payment is VOIDED, or CAPTURED then REFUNDED, never left CAPTURED.
	 */
	Reaction requestCancellation(CancellationReason reason, UUID cause, Instant now) {
		GatewayOperation pending = intent.operation();
		if (pending != null) {
			return switch (pending) {
				case AUTHORIZE, CAPTURE -> {
					if (intent.followUp() == FollowUp.CANCEL) {
						yield new Reaction.Ignored(
								"it is already cancelled, waiting for the gateway's answer to its " + pending);
					}
					cancelled(reason);
					yield remember(FollowUp.CANCEL, cause, now);
				}
				case VOID -> new Reaction.Ignored("its hold is already being voided");
				case REFUND -> new Reaction.Ignored("it is already being refunded");
			};
		}
		return switch (status) {
			case AUTHORIZED -> {
				cancelled(reason);
				yield request(GatewayOperation.VOID, cause, now);
			}
			case CAPTURED -> {
				cancelled(reason);
				yield request(GatewayOperation.REFUND, cause, now);
			}
			case DECLINED -> new Reaction.Ignored("the authorisation was declined; nothing to void or refund");
			case VOIDED -> new Reaction.Ignored("its hold was voided already");
			case REFUNDED -> new Reaction.Ignored("it was refunded already");
			case CANCELLED_BEFORE_PAYMENT -> new Reaction.Ignored("it was cancelled before any payment already");
			case AUTHORIZING -> throw withoutItsIntent("be cancelled");
		};
	}

	/**
	 * The call the pending intent makes: the same request, and so the same idempotency
	 * key, every time.
	 */
	GatewayRequest pendingRequest() {
		GatewayOperation operation = Objects.requireNonNull(intent.operation(), "no pending operation");
		String token = operation == GatewayOperation.AUTHORIZE ? placedOrder().paymentToken() : null;
		return new GatewayRequest(operation, orderId, Objects.requireNonNull(amount), token);
	}

	/**
	 * A worker takes the intent to call the gateway; nobody else is due to call before
	 * {@code dueAgain}.
	 */
	void attemptStarted(Instant dueAgain) {
		intent.attemptStarted(dueAgain);
	}

	/** The gateway did not answer: the intent stays, and is due again then. */
	void attemptFailed(Instant dueAgain) {
		intent.attemptFailed(dueAgain);
	}

	/**
	 * Records the gateway's answer to the pending operation: the status moves and the
	 * event it causes is registered; a follow-up remembered meanwhile becomes the next
	 * intent. False, changing nothing, if that operation is not pending (any more):
	 * another worker recorded the same answer.
	 */
	boolean record(GatewayOperation operation, GatewayDecision decision, Instant now) {
		if (operation != intent.operation()) {
			return false;
		}
		intent.settle();
		updatedAt = now;
		switch (decision) {
			case GatewayDecision.Approved() -> approved(operation);
			case GatewayDecision.Declined(String why) -> declined(operation, why);
		}
		return true;
	}

	private void approved(GatewayOperation operation) {
		BigDecimal held = Objects.requireNonNull(amount);
		switch (operation) {
			case AUTHORIZE -> {
				OrderPlaced order = placedOrder();
				orderPlaced = null;
				status = PaymentStatus.AUTHORIZED;
				authorizedAt = updatedAt;
				if (intent.followUp() == FollowUp.CANCEL) {
					// Cancelled while the gateway answered: release the hold
					// at once. Nothing is announced as completed, or the
					// kitchen would open a ticket for a cancelled order.
					intent.startFollowUp(GatewayOperation.VOID, updatedAt);
					return;
				}
				// A fat event: the kitchen and delivery
				// need nothing else, and never call back.
				register(new PaymentCompleted(id, held, Objects.requireNonNull(customerId), order.lines(),
						order.deliveryAddress()));
				if (intent.followUp() == FollowUp.CAPTURE) {
					intent.startFollowUp(GatewayOperation.CAPTURE, updatedAt);
				}
			}
			case CAPTURE -> {
				status = PaymentStatus.CAPTURED;
				capturedAt = updatedAt;
				register(new PaymentCaptured(id, held));
				if (intent.followUp() == FollowUp.CANCEL) {
					intent.startFollowUp(GatewayOperation.REFUND, updatedAt);
				}
			}
			case VOID -> {
				status = PaymentStatus.VOIDED;
				voidedAt = updatedAt;
				register(new PaymentVoided(id, held));
			}
			case REFUND -> {
				status = PaymentStatus.REFUNDED;
				refundedAt = updatedAt;
				register(new PaymentRefunded(id, held));
			}
		}
	}

	private void declined(GatewayOperation operation, String why) {
		// Nothing is held after a declined authorisation: a
		// remembered capture or cancellation has nothing to act on.
		intent.forgetFollowUp();
		if (operation == GatewayOperation.AUTHORIZE) {
			orderPlaced = null;
			status = PaymentStatus.DECLINED;
			reason = why;
			register(new PaymentFailed(why));
			return;
		}
		// The simulated gateway never declines these; a real one might (an expired
		// hold). The status stays as it was, for an operator to see, with the reason.
		reason = "the gateway declined the " + operation + ": " + why;
	}

	private Reaction request(GatewayOperation operation, UUID cause, Instant now) {
		startIntent(operation, cause, now);
		return new Reaction.Requested(operation);
	}

	private Reaction remember(FollowUp next, UUID cause, Instant now) {
		intent.remember(next, cause);
		this.updatedAt = now;
		return new Reaction.Remembered(next, Objects.requireNonNull(intent.operation()));
	}

	private void startIntent(GatewayOperation operation, UUID cause, Instant now) {
		updatedAt = now;
		intent.start(operation, cause, now);
	}

	private void cancelled(CancellationReason why) {
		cancellationReason = why;
		reason = "order cancelled (" + why + ")";
	}

	private OrderPlaced placedOrder() {
		return (OrderPlaced) EventJson.read(Objects.requireNonNull(orderPlaced, "order.placed is not kept")).payload();
	}

	private IllegalTransition withoutItsIntent(String move) {
		return new IllegalTransition("Payment", id, "AUTHORIZING without its intent", move);
	}

	/**
	 * The fact that asked for the pending gateway operation, if any: the cause of what
	 * its answer announces.
	 */
	@Nullable UUID pendingCause() {
		return intent.cause();
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

	/**
	 * The order's total, held, then taken; null for a tombstone: the order never told its
	 * total.
	 */
	public @Nullable BigDecimal amount() {
		return amount;
	}

	public @Nullable String customerId() {
		return customerId;
	}

	/**
	 * Why the payment is where it is: the decline, or the cancellation; null while
	 * nothing went wrong.
	 */
	public @Nullable String reason() {
		return reason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant authorizedAt() {
		return authorizedAt;
	}

	public @Nullable Instant capturedAt() {
		return capturedAt;
	}

	public @Nullable Instant voidedAt() {
		return voidedAt;
	}

	public @Nullable Instant refundedAt() {
		return refundedAt;
	}

	/** The gateway operation asked for and not answered yet, if any. */
	public @Nullable GatewayOperation pendingOperation() {
		return intent.operation();
	}

	/** How often the pending operation was sent to the gateway so far. */
	public int attempts() {
		return intent.attempts();
	}

	/** What will be asked for once the pending operation is answered, if anything. */
	public @Nullable FollowUp followUp() {
		return intent.followUp();
	}

	/**
	 * Money in cents, as stored; a total with fractions of a cent or too large to store
	 * is no order to pay.
	 */
	private static BigDecimal amountOf(BigDecimal total) {
		BigDecimal amount;
		try {
			amount = total.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new InvalidEvent("total " + total.toPlainString() + " has fractions of a cent", ex);
		}
		if (amount.precision() > MAX_AMOUNT_PRECISION) {
			throw new InvalidEvent("total " + total.toPlainString() + " is too large to pay");
		}
		return amount;
	}

	private static String customerIdOf(String customerId) {
		if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
			throw new InvalidEvent("customerId is longer than " + MAX_CUSTOMER_ID_LENGTH + " characters");
		}
		return customerId;
	}

}
