package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancelled;
import com.example.food.events.TicketRejected;
import com.example.food.infrastructure.domain.AggregateRoot;
import com.example.food.infrastructure.domain.IllegalTransition;

/**
 * The kitchen's ticket for one paid order: what to cook, for whom, where it goes, and
 * where the cooking stands. Its state changes only through the methods below, each of
 * which checks that the change is allowed and registers the event it causes;
 * {@link Kitchen} and {@link MealPreparation} write those events to the outbox in the
 * same transaction as the ticket.
 *
 * <p>
 * One ticket per order (order_id is unique). The kitchen answers an order's cancellation
 * request here, since only it knows whether the meal is prepared; an order cancelled
 * before its payment completed gets a {@link #tombstone tombstone}.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AggregateRoot {

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	private @Nullable String reason;

	// Null only on a tombstone.
	@Embedded
	private @Nullable Recipient recipient;

	private @Nullable UUID causeEventId;

	@Embedded
	private TicketTimes times;

	// Null until first saved: that is how Spring Data
	// tells a new ticket (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "ticket_line", joinColumns = @JoinColumn(name = "ticket_id"))
	@OrderColumn(name = "line_no")
	private List<TicketLine> lines = new ArrayList<>();

	protected Ticket() {
		// for JPA
	}

	private Ticket(UUID orderId, TicketStatus status, Instant now) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.status = status;
		this.times = TicketTimes.openedAt(now);
	}

	/**
	 * The kitchen's decision on a paid order, taken at once: if any dish is unavailable
	 * the ticket is rejected naming them all ({@link Rejection}), otherwise it is
	 * accepted and due {@code preparationTime} from now.
	 * @param causeEventId the payment.completed event, named as the cause of the
	 * meal.prepared to come
	 */
	static Ticket open(UUID orderId, UUID causeEventId, PaymentCompleted paid, Set<String> unavailableSkus, Instant now,
			Duration preparationTime) {
		Rejection rejection = Rejection.of(paid.lines(), unavailableSkus);
		Ticket ticket = new Ticket(orderId, rejection == null ? TicketStatus.ACCEPTED : TicketStatus.REJECTED, now);
		ticket.causeEventId = causeEventId;
		ticket.recipient = Recipient.of(paid);
		ticket.lines = new ArrayList<>(paid.lines().stream().map(TicketLine::of).toList());
		if (rejection == null) {
			ticket.times = ticket.times.withMealDueIn(preparationTime);
			ticket.register(new TicketAccepted(ticket.id, ticket.eventLines()));
		}
		else {
			ticket.reason = rejection.reason();
			ticket.register(new TicketRejected(ticket.id, rejection.reason(), rejection.unavailableSkus()));
		}
		return ticket;
	}

	/**
	 * A cancellation was asked for before the kitchen heard that the order was paid:
	 * granted, as nothing is cooked. The tombstone keeps the order id taken, so that the
	 * payment, if it still completes, makes no ticket.
	 */
	static Ticket tombstone(UUID orderId, CancellationReason reason, Instant now) {
		Ticket ticket = new Ticket(orderId, TicketStatus.CANCELLED, now);
		ticket.reason = "Cancellation (" + reason
				+ ") granted before the order's payment completed; no ticket was made";
		ticket.register(new TicketCancelled(ticket.id, reason, "no ticket yet: none will be opened for this order"));
		return ticket;
	}

	/**
	 * The kitchen's answer to the order's cancellation request
	 * ({@link CancellationAnswer}: granted unless the meal is prepared), taken under the
	 * ticket's row lock (the lock the meal timer also takes), so that a meal is never
	 * prepared and cancelled at once. An accepted ticket is dropped and its timer
	 * cleared, so no meal.prepared will follow.
	 */
	void answerCancellation(CancellationReason reason, Instant now) {
		CancellationAnswer answer = CancellationAnswer.to(status);
		if (answer == CancellationAnswer.DROP) {
			this.status = TicketStatus.CANCELLED;
			this.reason = "Cancellation (" + reason + ") granted before the meal was prepared";
			this.times = times.cancelledAt(now);
		}
		register(answer.event(id, reason));
	}

	/**
	 * The meal is ready: announced with everything delivery needs (customer, address,
	 * lines).
	 * @throws IllegalTransition unless the ticket is ACCEPTED and its time has come
	 */
	void markPrepared(Instant now) {
		if (status != TicketStatus.ACCEPTED || recipient == null || !times.isDue(now)) {
			throw new IllegalTransition("Ticket", id, status + " (due " + times.readyAt() + ")",
					"be prepared at " + now);
		}
		this.status = TicketStatus.PREPARED;
		this.times = times.preparedAt(now);
		register(new MealPrepared(id, recipient.customerId(), eventLines(), recipient.address()));
	}

	/**
	 * A CANCELLED ticket without lines: made when a cancellation was granted before the
	 * payment completed.
	 */
	public boolean isTombstone() {
		return status == TicketStatus.CANCELLED && lines.isEmpty();
	}

	public UUID id() {
		return id;
	}

	public UUID orderId() {
		return orderId;
	}

	public TicketStatus status() {
		return status;
	}

	/** Why the ticket was rejected or cancelled. */
	public @Nullable String reason() {
		return reason;
	}

	public List<TicketLine> lines() {
		return List.copyOf(lines);
	}

	public @Nullable UUID causeEventId() {
		return causeEventId;
	}

	TicketTimes times() {
		return times;
	}

	private List<com.example.food.events.OrderLine> eventLines() {
		return lines.stream().map(TicketLine::toEvent).toList();
	}

}
