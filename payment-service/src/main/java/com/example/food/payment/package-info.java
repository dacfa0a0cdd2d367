/**
 * Payment's part in the saga. {@link com.example.food.payment.PaymentEvents} says what it reacts
 * to, {@link com.example.food.payment.PaymentManagement} tells the story (charge on order.placed,
 * refund on order.cancelled, what is ignored and why), {@link com.example.food.payment.Payment}
 * guards the transitions, and {@link com.example.food.payment.PaymentGateway} holds the simulated
 * gateway's rules.
 */
@NullMarked
package com.example.food.payment;

import org.jspecify.annotations.NullMarked;
