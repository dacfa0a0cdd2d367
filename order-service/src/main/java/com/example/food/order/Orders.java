package com.example.food.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** All orders. */
public interface Orders extends JpaRepository<Order, UUID> {

	Page<Order> findByLifecycleStatus(OrderStatus status, Pageable pageable);

	/**
	 * An order that has been in its status since {@code updatedAt}: ids and times only,
	 * not whole orders.
	 */
	record Idle(UUID id, Instant updatedAt) {

	}

	/**
	 * Orders in {@code status} whose last change is older than {@code cutoff}: the saga
	 * deadlines' question.
	 */
	List<Idle> findByLifecycleStatusAndUpdatedAtBefore(OrderStatus status, Instant cutoff);

}
