package com.example.food.inventory;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/**
 * inventory-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see
 * the contract.
 */
class InventoryServiceStartupIntegrationTests extends ServiceStartupContract {

}
