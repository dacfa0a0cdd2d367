@NullMarked
package com.example.food.delivery;

import org.jspecify.annotations.NullMarked;
