/**
 * Payment's part in the saga: money is held, then taken.
 * {@link com.example.food.payment.SagaSubscription} says what it reacts to;
 * {@link com.example.food.payment.PaymentManagement} tells the story (hold on
 * order.placed, capture on ticket.accepted, void or refund on order.cancelled, what is
 * ignored and why); {@link com.example.food.payment.Payment} guards the transitions, by
 * the rules in {@link com.example.food.payment.Reaction}; and
 * {@link com.example.food.payment.GatewayCalls} makes each gateway operation as intent,
 * call, outcome, repaired by {@link com.example.food.payment.GatewayCallPoller}. The
 * simulated gateway is in {@code gateway}.
 */
@NullMarked
package com.example.food.payment;

import org.jspecify.annotations.NullMarked;
