/** The read side of payment for learners: what became of an order's payment. */
@NullMarked
package com.example.food.payment.web;

import org.jspecify.annotations.NullMarked;
