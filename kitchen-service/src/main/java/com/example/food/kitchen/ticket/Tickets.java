package com.example.food.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All tickets, one per order. */
interface Tickets extends JpaRepository<Ticket, UUID> {

	Optional<Ticket> findByOrderId(UUID orderId);

	/**
	 * The order's ticket, locked until the transaction ends: a cancellation and the meal
	 * timer never change one ticket at the same time. If the timer holds it, this waits
	 * and then sees PREPARED.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Ticket> findForUpdateByOrderId(UUID orderId);

	/**
	 * Accepted tickets whose time has come, oldest first, locked. SKIP LOCKED: a ticket
	 * another replica's timer (or a cancellation) holds is left to it, so replicas share
	 * the work and never prepare one meal twice; the WHERE clause is checked again on the
	 * latest row version once the lock is taken, so a ticket cancelled meanwhile is not
	 * picked.
	 */
	@Query(nativeQuery = true, value = """
			select * from ticket
			where status = 'ACCEPTED' and ready_at <= :now
			order by ready_at
			limit :limit
			for update skip locked
			""")
	List<Ticket> lockDue(Instant now, int limit);

}
