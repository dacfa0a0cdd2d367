@NullMarked
package com.example.food.order;

import org.jspecify.annotations.NullMarked;
