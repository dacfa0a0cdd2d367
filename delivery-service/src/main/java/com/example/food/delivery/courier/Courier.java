package com.example.food.delivery.courier;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

/**
 * One courier of the pool. Two facts decide whether they can take a delivery: the
 * operator has them on duty, and they are not out on a delivery now. {@code available} is
 * computed from both by the database (see V2), so it can never disagree with them.
 */
@Entity
// Only the changed columns are written: taking a courier back from a delivery
// must not write back an on-duty flag that an operator changed in the meantime.
@DynamicUpdate
public class Courier {

	@Id
	private String id;

	private String name;

	private boolean onDuty;

	/** The delivery the courier is out on, if any. */
	private @Nullable UUID deliveryId;

	// Read back from the database after every
	// insert and update: it is a generated column.
	@Generated(event = { EventType.INSERT, EventType.UPDATE })
	private boolean available;

	protected Courier() {
		// for JPA
	}

	/** A new courier: on duty and free. */
	public Courier(String id, String name) {
		this.id = id;
		this.name = name;
		this.onDuty = true;
		this.available = true;
	}

	/**
	 * Sends the courier out on a delivery. The caller holds the courier's row lock (see
	 * {@link Couriers#lockFirstAvailable()}), so no one else can send them out at the
	 * same time.
	 */
	public void takeOn(UUID delivery) {
		if (!onDuty || deliveryId != null) {
			throw new IllegalStateException("Courier " + id + " is not available (on duty: " + onDuty
					+ ", out on delivery: " + deliveryId + ")");
		}
		this.deliveryId = delivery;
	}

	/** The courier is back from the delivery; available again if still on duty. */
	public void returnFrom(UUID delivery) {
		if (!delivery.equals(deliveryId)) {
			throw new IllegalStateException("Courier " + id + " is not out on delivery " + delivery);
		}
		this.deliveryId = null;
	}

	/** Offered deliveries again (at once, or when back from the current one). */
	void goOnDuty() {
		this.onDuty = true;
	}

	/** Offered no more deliveries; one the courier is out on is still finished. */
	void goOffDuty() {
		this.onDuty = false;
	}

	public String id() {
		return id;
	}

	public String name() {
		return name;
	}

	boolean onDuty() {
		return onDuty;
	}

	@Nullable UUID deliveryId() {
		return deliveryId;
	}

	boolean available() {
		return available;
	}

}
