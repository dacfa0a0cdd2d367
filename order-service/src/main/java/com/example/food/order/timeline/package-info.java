/**
 * The order timeline: every step of one order's saga, from every service, in the order
 * they happened. A small read model (the "Q" of CQRS) built from the facts the order
 * service hears and the steps it takes itself; written in the same transaction as each
 * state change, read by {@code GET /orders/{id}/timeline}. It depends on nothing else in
 * the service, so that the order's use cases and the saga's handlers can both write it.
 */
@NullMarked
package com.example.food.order.timeline;

import org.jspecify.annotations.NullMarked;
