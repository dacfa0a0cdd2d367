package com.example.food.payment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All payments; at most one per order (payment.order_id is unique). */
interface Payments extends JpaRepository<Payment, UUID> {

	Optional<Payment> findByOrderId(UUID orderId);

	/**
	 * The order's payment, locked until the transaction ends: an event handler and the
	 * recording of a gateway answer for the same payment take turns instead of
	 * overwriting each other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.orderId = :orderId")
	Optional<Payment> lockByOrderId(UUID orderId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> lockById(UUID id);

	/**
	 * This payment, if it has a pending intent and nobody holds it right now. SKIP
	 * LOCKED: a worker that finds it locked leaves it to whoever is at it.
	 */
	@Query(value = "select * from payment where id = :id and pending_operation is not null for update skip locked",
			nativeQuery = true)
	Optional<Payment> lockPending(UUID id);

	/**
	 * The pending intent due first, locked until the transaction ends: one whose retry is
	 * due, or one never called that is older than {@code staleBefore} (its call after
	 * commit was lost: a crash, a full queue). SKIP LOCKED: several replicas share the
	 * due intents without waiting for each other.
	 */
	@Query(value = """
			select * from payment
			where pending_operation is not null
			  and (next_attempt_at <= :now or (next_attempt_at is null and pending_since <= :staleBefore))
			order by pending_since
			limit 1
			for update skip locked
			""", nativeQuery = true)
	Optional<Payment> lockNextDue(Instant now, Instant staleBefore);

}
