/**
 * What every service needs and this project writes once: the error model ({@code web}),
 * the admin login ({@code security}) and the transactional outbox ({@code outbox}).
 * Services get all of it through
 * {@link com.example.food.infrastructure.FoodInfrastructureAutoConfiguration}.
 */
@NullMarked
package com.example.food.infrastructure;

import org.jspecify.annotations.NullMarked;
