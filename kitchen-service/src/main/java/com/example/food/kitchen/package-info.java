/**
 * The kitchen's part in the saga: a paid order becomes a ticket that is accepted or
 * rejected ({@code ticket}), an accepted one is prepared when its time comes, and the
 * operator's list of dishes the kitchen cannot make decides which ({@code availability}).
 */
@NullMarked
package com.example.food.kitchen;

import org.jspecify.annotations.NullMarked;
