package com.example.food.payment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** All payments; at most one per order (payment.order_id is unique). */
interface Payments extends JpaRepository<Payment, UUID> {

	Optional<Payment> findByOrderId(UUID orderId);
}
