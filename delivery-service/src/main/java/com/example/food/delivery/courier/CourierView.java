package com.example.food.delivery.courier;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A courier as the operator sees them.
 *
 * @param available whether the next delivery can get this courier: on duty and not out on
 * a delivery
 * @param onDuty the operator's switch; off duty, a courier gets no new delivery
 * @param deliveryId the delivery the courier is out on, if any
 * @param orderId that delivery's order
 */
record CourierView(String id, String name, boolean available, boolean onDuty, @Nullable UUID deliveryId,
		@Nullable UUID orderId) {

}
