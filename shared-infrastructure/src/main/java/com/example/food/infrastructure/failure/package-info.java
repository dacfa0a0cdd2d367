/**
 * Telling the infrastructure's failures (a database that does not answer, a transaction
 * that lost a race) from a message's or a request's own, and waiting the first kind out.
 */
@NullMarked
package com.example.food.infrastructure.failure;

import org.jspecify.annotations.NullMarked;
