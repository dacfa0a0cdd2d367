@NullMarked
package com.example.food.inventory;

import org.jspecify.annotations.NullMarked;
