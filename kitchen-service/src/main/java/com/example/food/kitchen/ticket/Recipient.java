package com.example.food.kitchen.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.PaymentCompleted;

/**
 * Who ordered a ticket's meal and where it goes, as payment.completed told the kitchen:
 * meal.prepared carries both on, so that delivery never has to ask. A tombstone has none,
 * as it never had a payment to learn them from.
 */
@Embeddable
record Recipient(String customerId, @Column(name = "delivery_street") String street,
		@Column(name = "delivery_city") String city, @Column(name = "delivery_postcode") String postcode) {

	static Recipient of(PaymentCompleted paid) {
		DeliveryAddress address = paid.deliveryAddress();
		return new Recipient(paid.customerId(), address.street(), address.city(), address.postcode());
	}

	DeliveryAddress address() {
		return new DeliveryAddress(street, city, postcode);
	}
}
