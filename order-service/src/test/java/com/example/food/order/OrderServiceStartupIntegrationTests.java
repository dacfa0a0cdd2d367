package com.example.food.order;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/**
 * order-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see the
 * contract.
 */
class OrderServiceStartupIntegrationTests extends ServiceStartupContract {

}
