/**
 * The simulated payment gateway: another system in all but deployment. Payment calls it
 * through {@link com.example.food.payment.gateway.PaymentGateway} with an idempotency key
 * per operation; it keeps its own ledger ({@code gateway_ledger}), answers a known key
 * with the recorded outcome, and can be switched to be slow or to lose its answers
 * ({@code /admin/gateway}).
 */
@NullMarked
package com.example.food.payment.gateway;

import org.jspecify.annotations.NullMarked;
