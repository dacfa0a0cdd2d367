/**
 * What every aggregate is built on:
 * {@link com.example.food.infrastructure.domain.AggregateRoot} registers the events a
 * transition causes and hands them over once, to be written to the outbox;
 * {@link com.example.food.infrastructure.domain.IllegalTransition} is what a guard throws
 * when a transition is not allowed from the aggregate's state.
 */
@NullMarked
package com.example.food.infrastructure.domain;

import org.jspecify.annotations.NullMarked;
