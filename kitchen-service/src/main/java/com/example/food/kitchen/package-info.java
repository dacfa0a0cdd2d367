@NullMarked
package com.example.food.kitchen;

import org.jspecify.annotations.NullMarked;
