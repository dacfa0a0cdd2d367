/**
 * The Idempotency-Key of {@code POST /orders}: a client's retry of a request whose answer
 * got lost is answered with the order the first one placed. Each key is bound to the
 * request it came with and the order id it fixed, kept for
 * {@code food.orders.idempotency-key-retention}.
 */
@NullMarked
package com.example.food.order.idempotency;

import org.jspecify.annotations.NullMarked;
