package com.example.food.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.example.food.delivery.courier.Courier;
import com.example.food.delivery.courier.Couriers;
import com.example.food.events.EventEnvelope;
import com.example.food.events.MealPrepared;
import com.example.food.infrastructure.observability.StoredTraces;
import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.polling.Poller;

/**
 * The delivery use cases: start a delivery when a meal is ready, and move a due one on.
 * Each runs in its caller's transaction (the event handler's, or the poller's), and
 * writes the events it causes to the outbox in that same transaction.
 */
@Service
class Dispatch {

	private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

	private final Deliveries deliveries;

	private final Couriers couriers;

	private final Outbox outbox;

	private final DeliveryProperties settings;

	private final StoredTraces traces;

	private final Poller deliveryTimer;

	private final Clock clock;

	Dispatch(Deliveries deliveries, Couriers couriers, Outbox outbox, DeliveryProperties settings, StoredTraces traces,
			@Qualifier("deliveryTimer") Poller deliveryTimer, Clock clock) {
		this.deliveries = deliveries;
		this.couriers = couriers;
		this.outbox = outbox;
		this.settings = settings;
		this.traces = traces;
		this.deliveryTimer = deliveryTimer;
		this.clock = clock;
	}

	/**
	 * Saga step meal.prepared -> delivery.assigned (or a wait for a courier): one
	 * delivery per order, and a courier for it at once if one is free.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void dispatch(MealPrepared meal, EventEnvelope envelope) {
		UUID orderId = envelope.orderId();
		Optional<Delivery> existing = deliveries.findByOrderId(orderId);
		if (existing.isPresent()) {
			// Another meal.prepared for the same order (a kitchen that
			// announced twice, a replay): the order already has its
			// delivery, and a second one would send a second courier.
			log.info("Order {}: ignored: meal.prepared {} for an order that already has delivery {} ({})", orderId,
					envelope.eventId(), existing.get().id(), existing.get().status());
			return;
		}
		// Two different meal.prepared events for one order at the same
		// instant: the second insert fails on the unique order id, the
		// listener retries it, and the retry lands in the branch above.
		Delivery started = Delivery.start(orderId, meal.deliveryAddress(), envelope.eventId(), clock.instant());
		Delivery delivery = deliveries.save(started);
		// Its timer's steps (another search, the hand-over) continue this trace.
		traces.remember(delivery.id());
		log.info("Order {}: meal.prepared, delivery {} created for {}", orderId, delivery.id(),
				delivery.address().city());
		lookForCourier(delivery);
		// The hand-over is then due when the delivery
		// time is up: the timer is woken for it.
		deliveryTimer.wakeAfterCommit(settings.deliveryTime());
	}

	/**
	 * Saga step (timer): a due delivery moves on. One waiting for a courier looks again
	 * (delivery.assigned, or delivery.failed after the last attempt); one out with a
	 * courier is handed over (delivery.completed).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void advance(Delivery delivery) {
		switch (delivery.status()) {
			case WAITING_FOR_COURIER -> lookForCourier(delivery);
			case ASSIGNED -> handOver(delivery);
			// Not due: the poller asks for active deliveries only.
			case DELIVERED, FAILED -> log.info("Order {}: ignored: delivery {} is already {}", delivery.orderId(),
					delivery.id(), delivery.status());
		}
	}

	private void lookForCourier(Delivery delivery) {
		Optional<Courier> courier = couriers.lockFirstAvailable();
		if (courier.isPresent()) {
			delivery.assign(courier.get(), clock.instant(), settings.deliveryTime());
			log.info("Order {}: delivery.assigned, courier {} ({}) takes delivery {} (attempt {}), hand-over due at {}",
					delivery.orderId(), courier.get().id(), courier.get().name(), delivery.id(), delivery.attempts(),
					delivery.times().dueAt());
		}
		else {
			delivery.noCourierFree(clock.instant(), settings.retryInterval(), settings.maxAttempts());
			if (delivery.status() == DeliveryStatus.FAILED) {
				log.info("Order {}: delivery.failed, {} after {} attempt(s)", delivery.orderId(), Delivery.NO_COURIER,
						delivery.attempts());
			}
			else {
				log.info("Order {}: no courier free (attempt {} of {}), delivery {} waits until {}", delivery.orderId(),
						delivery.attempts(), settings.maxAttempts(), delivery.id(), delivery.times().dueAt());
			}
		}
		publish(delivery);
	}

	private void handOver(Delivery delivery) {
		String courierId = delivery.courierId();
		if (courierId == null) {
			throw new IllegalStateException("Delivery " + delivery.id() + " is ASSIGNED without a courier");
		}
		// Locked: an operator's change to the same courier
		// waits for this hand-over instead of racing it.
		Courier courier = couriers.lockById(courierId)
			.orElseThrow(() -> new IllegalStateException(
					"Delivery " + delivery.id() + " has an unknown courier " + courierId));
		delivery.complete(courier, clock.instant());
		log.info("Order {}: delivery.completed, courier {} handed over delivery {} and is back", delivery.orderId(),
				courier.id(), delivery.id());
		publish(delivery);
	}

	private void publish(Delivery delivery) {
		delivery.takeEvents().forEach(event -> outbox.add(delivery.announce(event)));
	}

}
