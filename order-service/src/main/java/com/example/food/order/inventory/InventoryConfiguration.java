package com.example.food.order.inventory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on the inventory client, and only it: naming the client avoids scanning for
 * others.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = InventoryClient.class)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

}
