/**
 * All-or-nothing stock reservations keyed by order id: the synchronous step of an order
 * ({@code POST /reservations}) and its compensation ({@code DELETE
 * /reservations/{orderId}}); the saga's steps
 * ({@link com.example.food.inventory.reservation.SagaSubscription}), under one rule:
 * stock is spent exactly when food is made, whatever order ticket.accepted and
 * order.cancelled arrive in ({@link com.example.food.inventory.reservation.MealStock});
 * and the time-to-live that frees what a stalled saga holds, once the queued events are
 * handled ({@link com.example.food.inventory.reservation.ReservationExpiry}).
 * {@link com.example.food.inventory.reservation.StockReservations} tells the story of a
 * reservation; the SQL it relies on is in
 * {@link com.example.food.inventory.reservation.Reservations} and
 * {@link com.example.food.inventory.product.Products}.
 */
@NullMarked
package com.example.food.inventory.reservation;

import org.jspecify.annotations.NullMarked;
