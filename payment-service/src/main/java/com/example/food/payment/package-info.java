@NullMarked
package com.example.food.payment;

import org.jspecify.annotations.NullMarked;
