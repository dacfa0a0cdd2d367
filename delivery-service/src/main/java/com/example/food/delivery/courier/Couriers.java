package com.example.food.delivery.courier;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The courier pool. */
public interface Couriers extends JpaRepository<Courier, String> {

	/**
	 * Takes one available courier and keeps their row locked until the transaction ends,
	 * so that two deliveries can never get the same courier. SKIP LOCKED: a courier
	 * another transaction is taking right now is passed over instead of waited for, so
	 * concurrent deliveries (on several consumers or replicas) each get a different
	 * courier, or none, without queueing behind each other.
	 */
	@Query(value = "select * from courier where available order by id limit 1 for update skip locked",
			nativeQuery = true)
	Optional<Courier> lockFirstAvailable();

	/**
	 * The courier, locked until the transaction ends: for a change that must not race
	 * another.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Courier c where c.id = :id")
	Optional<Courier> lockById(String id);

	/**
	 * Puts every courier on or off duty. Couriers out on a delivery keep it: off duty,
	 * they finish it and do not come back; on duty, they become available when they are
	 * back, not before.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Courier c set c.onDuty = :onDuty")
	int setEveryoneOnDuty(boolean onDuty);

}
