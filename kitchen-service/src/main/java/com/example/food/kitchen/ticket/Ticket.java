package com.example.food.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
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
import com.example.food.events.DeliveryAddress;
import com.example.food.events.MealPrepared;
import com.example.food.events.PaymentCompleted;
import com.example.food.events.TicketAccepted;
import com.example.food.events.TicketCancellationRefused;
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
 * request here, since only it knows whether the meal is prepared: granted while nothing
 * is cooked or the meal is not ready yet, refused once it is prepared. An order whose
 * cancellation is granted before its payment completed gets a tombstone: a CANCELLED
 * ticket without lines, which keeps the order id taken so that a late payment.completed
 * makes no ticket.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AggregateRoot {

	private static final int MAX_REASON_LENGTH = 200;

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	private @Nullable String reason;

	// Null only on a tombstone, which never had a payment to learn them from.
	private @Nullable String customerId;

	private @Nullable String deliveryStreet;

	private @Nullable String deliveryCity;

	private @Nullable String deliveryPostcode;

	// The meal timer while the ticket is ACCEPTED (see
	// V2__add_ticket_details.sql); kept once PREPARED.
	private @Nullable Instant readyAt;

	private @Nullable UUID causeEventId;

	private Instant createdAt;

	private Instant updatedAt;

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
		this.createdAt = now;
		this.updatedAt = createdAt;
	}

	/**
	 * The kitchen's decision on a paid order, taken at once: if any dish is unavailable
	 * the ticket is rejected naming them all, otherwise it is accepted and due
	 * {@code preparationTime} from now.
	 * @param unavailableSkus the dishes the kitchen cannot make right now (others are
	 * ignored)
	 * @param causeEventId the payment.completed event, named as the cause of the
	 * meal.prepared to come
	 */
	static Ticket open(UUID orderId, UUID causeEventId, PaymentCompleted paid, Set<String> unavailableSkus, Instant now,
			Duration preparationTime) {
		List<String> unavailable = paid.lines()
			.stream()
			.map(line -> line.sku())
			.filter(unavailableSkus::contains)
			.distinct()
			.toList();
		Ticket ticket = new Ticket(orderId, unavailable.isEmpty() ? TicketStatus.ACCEPTED : TicketStatus.REJECTED, now);
		ticket.causeEventId = causeEventId;
		ticket.customerId = paid.customerId();
		ticket.deliveryStreet = paid.deliveryAddress().street();
		ticket.deliveryCity = paid.deliveryAddress().city();
		ticket.deliveryPostcode = paid.deliveryAddress().postcode();
		ticket.lines = new ArrayList<>(paid.lines().stream().map(TicketLine::of).toList());
		if (unavailable.isEmpty()) {
			ticket.readyAt = now.plus(preparationTime);
			ticket.register(new TicketAccepted(ticket.id, ticket.eventLines()));
		}
		else {
			ticket.reason = limited("The kitchen cannot make " + String.join(", ", unavailable) + " right now");
			ticket.register(new TicketRejected(ticket.id, ticket.reason, unavailable));
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
	 * The kitchen's answer to the order's cancellation request, taken under the ticket's
	 * row lock (the lock the meal timer also takes), so that a meal is never prepared and
	 * cancelled at once. Granted (ticket.cancelled) unless the meal is prepared: an
	 * accepted ticket is dropped and its timer cleared, so no meal.prepared will follow;
	 * a rejected or cancelled one had nothing cooking. Refused
	 * (ticket.cancellation-refused) once the meal is prepared: the point of no return.
	 */
	void answerCancellation(CancellationReason reason, Instant now) {
		switch (status) {
			case ACCEPTED -> {
				this.status = TicketStatus.CANCELLED;
				this.reason = "Cancellation (" + reason + ") granted before the meal was prepared";
				this.readyAt = null;
				this.updatedAt = now;
				register(
						new TicketCancelled(id, reason, "the ticket was accepted, the meal not yet prepared: dropped"));
			}
			case REJECTED ->
				register(new TicketCancelled(id, reason, "the kitchen had rejected the ticket: nothing is cooked"));
			case CANCELLED -> register(new TicketCancelled(id, reason, "the ticket was already cancelled"));
			case PREPARED -> register(new TicketCancellationRefused(id, reason, "the meal is prepared"));
		}
	}

	/**
	 * The meal is ready: announced with everything delivery needs (customer, address,
	 * lines).
	 * @throws IllegalTransition unless the ticket is ACCEPTED and its time has come
	 */
	void markPrepared(Instant now) {
		if (status != TicketStatus.ACCEPTED || readyAt == null || readyAt.isAfter(now)) {
			throw new IllegalTransition("Ticket", id, status + " (due " + readyAt + ")", "be prepared at " + now);
		}
		this.status = TicketStatus.PREPARED;
		this.updatedAt = now;
		register(new MealPrepared(id, required(customerId), eventLines(), deliveryAddress()));
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

	/**
	 * When an accepted ticket is due, or when a prepared one was ready; null otherwise.
	 */
	public @Nullable Instant readyAt() {
		return readyAt;
	}

	public @Nullable UUID causeEventId() {
		return causeEventId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	private DeliveryAddress deliveryAddress() {
		return new DeliveryAddress(required(deliveryStreet), required(deliveryCity), required(deliveryPostcode));
	}

	private List<com.example.food.events.OrderLine> eventLines() {
		return lines.stream().map(TicketLine::toEvent).toList();
	}

	private String required(@Nullable String value) {
		if (value == null) {
			throw new IllegalStateException("ticket " + id + " is a tombstone: it has no customer or address");
		}
		return value;
	}

	private static String limited(String reason) {
		return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
	}

}
