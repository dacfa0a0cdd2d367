/**
 * The courier pool: who may take a delivery now
 * ({@link com.example.food.delivery.courier.Couriers}), and the operator's switch to
 * empty and refill it ({@code /admin/couriers}).
 */
@NullMarked
package com.example.food.delivery.courier;

import org.jspecify.annotations.NullMarked;
