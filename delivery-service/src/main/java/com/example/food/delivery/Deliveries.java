package com.example.food.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All deliveries, one per order. */
interface Deliveries extends JpaRepository<Delivery, UUID> {

	Optional<Delivery> findByOrderId(UUID orderId);

	/**
	 * The delivery whose next step is due first, locked until the transaction ends. SKIP
	 * LOCKED: several replicas (or a slow tick and the next one) share the due deliveries
	 * without moving one on twice, and without waiting for each other.
	 */
	@Query(value = """
			select * from delivery
			where status in ('WAITING_FOR_COURIER', 'ASSIGNED') and due_at <= :now
			order by due_at
			limit 1
			for update skip locked
			""", nativeQuery = true)
	Optional<Delivery> lockNextDue(Instant now);

}
