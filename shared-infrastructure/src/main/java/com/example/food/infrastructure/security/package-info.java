@NullMarked
package com.example.food.infrastructure.security;

import org.jspecify.annotations.NullMarked;
