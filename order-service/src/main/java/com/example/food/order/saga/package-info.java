/**
 * The order's part of the choreographed saga: it listens to payment's, the kitchen's and
 * delivery's facts ({@link com.example.food.order.saga.SagaSubscription} lists them all),
 * moves each order through its states, announces {@code order.cancelled} when a fact ends
 * an order, writes every step to the timeline, and reports orders that sit in one state
 * past its deadline.
 */
@NullMarked
package com.example.food.order.saga;

import org.jspecify.annotations.NullMarked;
