package com.example.food.payment;

import java.math.BigDecimal;
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
import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayOperation;
import com.example.food.payment.gateway.GatewayRequest;

/**
 * The payment of one order: money is held, then taken. It guards its transitions in two
 * halves. A fact asks for a gateway operation ({@link #requestCapture},
 * {@link #requestCancellation}): that only records the <em>intent</em>, the one pending
 * operation, and nothing changes hands yet ({@link Reaction} holds the rules). The
 * gateway's answer is then {@link #record recorded}: the status moves, the event is
 * registered, and a follow-up remembered meanwhile becomes the next intent.
 * {@link PaymentManagement} and {@link GatewayCalls} write the registered events to the
 * outbox with the payment.
 */
@Entity
@Table(name = "payment")
public class Payment extends AggregateRoot {

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	@Embedded
	private @Nullable Bill bill;

	private @Nullable String reason;

	@Enumerated(EnumType.STRING)
	private @Nullable CancellationReason cancellationReason;

	@Embedded
	private PaymentTimes times;

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

	private Payment(UUID orderId, PaymentStatus status, @Nullable Bill bill, Instant now) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.status = status;
		this.bill = bill;
		this.times = PaymentTimes.createdAt(now);
	}

	/**
	 * order.placed: the payment comes into being AUTHORIZING, with the intent to hold the
	 * order's total. Nothing is announced until the gateway answers.
	 * @throws InvalidEvent if the order's total or customer id cannot be a payment's
	 */
	static Payment authorizing(OrderPlaced order, EventEnvelope placed, Instant now) {
		Payment payment = new Payment(placed.orderId(), PaymentStatus.AUTHORIZING, Bill.of(order), now);
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
		Payment tombstone = new Payment(orderId, PaymentStatus.CANCELLED_BEFORE_PAYMENT, null, now);
		tombstone.cancellationReason = reason;
		tombstone.reason = "order cancelled before any payment (" + reason + ")";
		return tombstone;
	}

	/**
	 * ticket.accepted: take the amount held, once ({@link Reaction#toCapture the rules}).
	 */
	Reaction requestCapture(UUID cause, Instant now) {
		return act(Reaction.toCapture(id, status, intent.operation(), intent.followUp()), cause, now);
	}

	/**
	 * order.cancelled: release the hold or give back what was taken, whatever the reason
	 * ({@link Reaction#toCancellation the rules}), and keep why.
	 */
	Reaction requestCancellation(CancellationReason why, UUID cause, Instant now) {
		Reaction reaction = act(Reaction.toCancellation(id, status, intent.operation(), intent.followUp()), cause, now);
		if (!(reaction instanceof Reaction.Ignored)) {
			cancellationReason = why;
			reason = "order cancelled (" + why + ")";
		}
		return reaction;
	}

	private Reaction act(Reaction reaction, UUID cause, Instant now) {
		switch (reaction) {
			case Reaction.Requested(GatewayOperation operation) -> startIntent(operation, cause, now);
			case Reaction.Remembered(FollowUp followUp, GatewayOperation pending) -> {
				intent.remember(followUp, cause);
				times = times.updated(now);
			}
			case Reaction.Ignored ignored -> {
			}
		}
		return reaction;
	}

	/**
	 * The call the pending intent makes: the same request, and so the same idempotency
	 * key, every time.
	 */
	GatewayRequest pendingRequest() {
		GatewayOperation operation = Objects.requireNonNull(intent.operation(), "no pending operation");
		String token = operation == GatewayOperation.AUTHORIZE ? placedOrder().paymentToken() : null;
		return new GatewayRequest(operation, orderId, Objects.requireNonNull(bill).amount(), token);
	}

	/**
	 * A worker takes the intent to call the gateway; nobody else is due to call before
	 * {@code dueAgain}. Returns the number of this attempt.
	 */
	int attemptStarted(Instant dueAgain) {
		return intent.attemptStarted(dueAgain);
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
		switch (decision) {
			case GatewayDecision.Approved() -> approved(operation, now);
			case GatewayDecision.Declined(String why) -> declined(operation, why, now);
		}
		return true;
	}

	private void approved(GatewayOperation operation, Instant now) {
		Bill held = Objects.requireNonNull(bill);
		status = PaymentStatus.approved(operation);
		times = times.approved(operation, now);
		switch (operation) {
			case AUTHORIZE -> {
				OrderPlaced order = placedOrder();
				orderPlaced = null;
				// Cancelled while the gateway answered: the hold is released at once (the
				// follow-up), and nothing is announced as completed, or the kitchen would
				// open a ticket for a cancelled order.
				if (intent.followUp() != FollowUp.CANCEL) {
					// A fat event: the kitchen and delivery
					// need nothing else, and never call back.
					register(new PaymentCompleted(id, held.amount(), held.customerId(), order.lines(),
							order.deliveryAddress()));
				}
			}
			case CAPTURE -> register(new PaymentCaptured(id, held.amount()));
			case VOID -> register(new PaymentVoided(id, held.amount()));
			case REFUND -> register(new PaymentRefunded(id, held.amount()));
		}
		intent.approved(now);
	}

	private void declined(GatewayOperation operation, String why, Instant now) {
		times = times.updated(now);
		intent.declined();
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

	private void startIntent(GatewayOperation operation, UUID cause, Instant now) {
		times = times.updated(now);
		intent.start(operation, cause, now);
	}

	private OrderPlaced placedOrder() {
		return (OrderPlaced) EventJson.read(Objects.requireNonNull(orderPlaced, "order.placed is not kept")).payload();
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
		return bill == null ? null : bill.amount();
	}

	/** Whose money it is; null for a tombstone. */
	public @Nullable String customerId() {
		return bill == null ? null : bill.customerId();
	}

	/**
	 * Why the payment is where it is: the decline, or the cancellation; null while
	 * nothing went wrong.
	 */
	public @Nullable String reason() {
		return reason;
	}

	/** When it came to be, last changed, and when its money moved. */
	public PaymentTimes times() {
		return times;
	}

	/** The gateway operation asked for and not answered yet, if any. */
	public @Nullable GatewayOperation pendingOperation() {
		return intent.operation();
	}

	/** What will be asked for once the pending operation is answered, if anything. */
	public @Nullable FollowUp followUp() {
		return intent.followUp();
	}

}
