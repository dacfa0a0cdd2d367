package com.example.food.kitchen;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/** kitchen-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see the contract. */
class KitchenServiceStartupIntegrationTests extends ServiceStartupContract {

}
