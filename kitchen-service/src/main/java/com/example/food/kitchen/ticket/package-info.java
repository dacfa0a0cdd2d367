/**
 * Tickets: the kitchen's part in the saga.
 * {@link com.example.food.kitchen.ticket.Kitchen} turns payment.completed into an
 * accepted or rejected ticket, and answers a cancellation request;
 * {@link com.example.food.kitchen.ticket.MealPreparation} prepares accepted tickets when
 * their time comes; {@link com.example.food.kitchen.ticket.Ticket} guards every change of
 * state.
 */
@NullMarked
package com.example.food.kitchen.ticket;

import org.jspecify.annotations.NullMarked;
