package com.example.food.inventory.reservation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeToLive how long a reservation may hold stock while it is neither committed nor released,
 * stored as its {@code expires_at}: a saga must not hold stock forever. (Expiring reservations past
 * that time is not built yet; the deadline is recorded from the first reservation on.)
 */
@ConfigurationProperties("food.reservations")
record ReservationProperties(@DefaultValue("15m") Duration timeToLive) {

}
