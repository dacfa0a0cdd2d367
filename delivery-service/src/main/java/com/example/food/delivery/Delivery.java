package com.example.food.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import com.example.food.delivery.courier.Courier;
import com.example.food.events.DeliveryAddress;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.FoodEvent;
import com.example.food.infrastructure.domain.AggregateRoot;
import com.example.food.infrastructure.domain.IllegalTransition;

/**
 * The delivery aggregate: one per order, from the prepared meal to the customer's door.
 * Its state changes only through the methods below; each checks that the change is
 * allowed and registers the event it causes, which {@link Dispatch} writes to the outbox
 * in the same transaction.
 */
@Entity
public class Delivery extends AggregateRoot {

	/** The reason of every failed delivery, as {@code delivery.failed} tells it. */
	static final String NO_COURIER = "no courier available";

	@Id
	private UUID id;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private DeliveryStatus status;

	private @Nullable String courierId;

	private String deliveryStreet;

	private String deliveryCity;

	private String deliveryPostcode;

	/** How often a courier was looked for, the successful search included. */
	private int attempts;

	private @Nullable String failureReason;

	/** The latest event of this delivery's story: the cause of the next one it emits. */
	private UUID lastEventId;

	@Embedded
	private DeliveryTimes times;

	// Null until first saved: that is how Spring Data
	// tells a new delivery (insert) from a loaded one.
	@Version
	private @Nullable Long version;

	protected Delivery() {
		// for JPA
	}

	/**
	 * A meal is ready: a delivery starts, waiting for a courier, with its first search
	 * due at once.
	 * @param cause the meal.prepared event, which the delivery's first event will name as
	 * its cause
	 */
	static Delivery start(UUID orderId, DeliveryAddress address, UUID cause, Instant now) {
		Delivery delivery = new Delivery();
		delivery.id = UUID.randomUUID();
		delivery.orderId = orderId;
		delivery.status = DeliveryStatus.WAITING_FOR_COURIER;
		delivery.deliveryStreet = address.street();
		delivery.deliveryCity = address.city();
		delivery.deliveryPostcode = address.postcode();
		delivery.attempts = 0;
		delivery.lastEventId = cause;
		delivery.times = DeliveryTimes.startedAt(now);
		return delivery;
	}

	/**
	 * A courier was free: they set off, and hand the meal over {@code deliveryTime} from
	 * now.
	 */
	void assign(Courier courier, Instant now, Duration deliveryTime) {
		requireStatus(DeliveryStatus.WAITING_FOR_COURIER, "assign a courier");
		courier.takeOn(id);
		attempts++;
		status = DeliveryStatus.ASSIGNED;
		courierId = courier.id();
		times = times.assigned(now, deliveryTime);
		register(new DeliveryAssigned(id, courier.id(), courier.name()));
	}

	/**
	 * No courier was free. Another search is due {@code retryInterval} from now, unless
	 * this was the last of {@code maxAttempts}: then the delivery fails, and the saga
	 * compensates (the order service cancels the order and the payment is refunded).
	 */
	void noCourierFree(Instant now, Duration retryInterval, int maxAttempts) {
		requireStatus(DeliveryStatus.WAITING_FOR_COURIER, "count a search without a courier");
		attempts++;
		if (attempts < maxAttempts) {
			times = times.nextSearchIn(now, retryInterval);
			return;
		}
		status = DeliveryStatus.FAILED;
		failureReason = NO_COURIER;
		times = times.failed(now);
		register(new DeliveryFailed(NO_COURIER, attempts));
	}

	/** The courier handed the meal over and is back in the pool. */
	void complete(Courier courier, Instant now) {
		requireStatus(DeliveryStatus.ASSIGNED, "complete");
		if (!courier.id().equals(courierId)) {
			throw new IllegalTransition("Delivery", id, status + " with " + courierId,
					"be completed by " + courier.id());
		}
		courier.returnFrom(id);
		status = DeliveryStatus.DELIVERED;
		times = times.delivered(now);
		register(new DeliveryCompleted(id, courier.id()));
	}

	/**
	 * An event this delivery caused, in its envelope for the outbox: each names the one
	 * before it as its cause, the first the meal.prepared.
	 */
	EventEnvelope announce(FoodEvent event) {
		EventEnvelope envelope = EventEnvelope.of(event, orderId, lastEventId);
		lastEventId = envelope.eventId();
		return envelope;
	}

	private void requireStatus(DeliveryStatus expected, String move) {
		if (status != expected) {
			throw new IllegalTransition("Delivery", id, status, move + " (only when " + expected + ")");
		}
	}

	public UUID id() {
		return id;
	}

	public UUID orderId() {
		return orderId;
	}

	public DeliveryStatus status() {
		return status;
	}

	public @Nullable String courierId() {
		return courierId;
	}

	public DeliveryAddress address() {
		return new DeliveryAddress(deliveryStreet, deliveryCity, deliveryPostcode);
	}

	public int attempts() {
		return attempts;
	}

	public @Nullable String failureReason() {
		return failureReason;
	}

	DeliveryTimes times() {
		return times;
	}

}
