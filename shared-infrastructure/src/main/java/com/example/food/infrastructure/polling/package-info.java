/**
 * The pollers that move work kept in the database (the outbox relay, the kitchen's and
 * the deliveries' timers): each polls on its own thread, and is woken sooner by the
 * commit that made work for it.
 */
@NullMarked
package com.example.food.infrastructure.polling;

import org.jspecify.annotations.NullMarked;
