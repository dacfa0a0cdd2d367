@NullMarked
package com.example.food.infrastructure.messaging;

import org.jspecify.annotations.NullMarked;
