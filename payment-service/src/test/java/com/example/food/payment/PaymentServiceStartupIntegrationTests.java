package com.example.food.payment;

import com.example.food.infrastructure.testsupport.ServiceStartupContract;

/**
 * payment-service starts on real PostgreSQL and RabbitMQ and reports itself ready: see
 * the contract.
 */
class PaymentServiceStartupIntegrationTests extends ServiceStartupContract {

}
