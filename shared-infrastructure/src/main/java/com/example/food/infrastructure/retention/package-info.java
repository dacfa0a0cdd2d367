/**
 * Bookkeeping tables kept to a size: a table declared
 * {@link com.example.food.infrastructure.retention.Retained} loses its old rows to the
 * {@link com.example.food.infrastructure.retention.RetentionJob}.
 */
@NullMarked
package com.example.food.infrastructure.retention;

import org.jspecify.annotations.NullMarked;
