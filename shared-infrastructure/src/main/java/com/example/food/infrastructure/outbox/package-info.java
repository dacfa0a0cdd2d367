@NullMarked
package com.example.food.infrastructure.outbox;

import org.jspecify.annotations.NullMarked;
