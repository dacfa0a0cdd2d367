package com.example.food.kitchen;

import org.springframework.context.annotation.Import;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/**
 * kitchen-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see
 * the contract. It imports what {@link KitchenIntegrationTestSupport} imports, so that
 * both share one context.
 */
@Import(KitchenTestConfiguration.class)
class KitchenServiceStartupIntegrationTests extends ServiceStartupContract {

}
