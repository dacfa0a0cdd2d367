package com.example.food.inventory.reservation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeToLive how long a reservation may hold stock while it is neither committed
 * nor released, stored as its {@code expires_at}: a saga must not hold stock forever
 * @param expiryInterval how often {@link ReservationExpiry} looks for reservations past
 * their time-to-live, and how long after a start it first looks (read by its
 * {@code @Scheduled}); a reservation holds its stock up to this much longer than its
 * time-to-live, and longer while events wait in the service's queue
 */
@ConfigurationProperties("food.reservations")
record ReservationProperties(@DefaultValue("15m") Duration timeToLive, @DefaultValue("30s") Duration expiryInterval) {

}
