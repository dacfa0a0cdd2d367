@NullMarked
package com.example.food.infrastructure.deadletter;

import org.jspecify.annotations.NullMarked;
