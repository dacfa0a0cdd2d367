/**
 * The event contracts of the food-ordering saga: one record per fact, the envelope that
 * carries it, the routing keys and topology names, and the JSON mapping every service
 * shares.
 *
 * <p>
 * Plain Java and Jackson only, so that any service can depend on it without pulling in a
 * framework.
 */
@NullMarked
package com.example.food.events;

import org.jspecify.annotations.NullMarked;
