/** The order API a customer (or curl) talks to: {@code /orders}. */
@NullMarked
package com.example.food.order.web;

import org.jspecify.annotations.NullMarked;
