/**
 * A teaching switch: the dishes the kitchen cannot make right now, kept in the kitchen's
 * database and set by an operator ({@code /admin/kitchen/unavailable-skus}). A paid order
 * with one of them is rejected, which starts the saga's compensations.
 */
@NullMarked
package com.example.food.kitchen.availability;

import org.jspecify.annotations.NullMarked;
