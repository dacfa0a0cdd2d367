package com.example.food.delivery;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/**
 * delivery-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see
 * the contract.
 */
@FastDeliveries
class DeliveryServiceStartupIntegrationTests extends ServiceStartupContract {

}
