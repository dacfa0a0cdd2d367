package com.example.food.payment.gateway;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated gateway's own settings.
 *
 * @param creditLimit an authorisation above it is declined ("over the credit limit"),
 * whatever the token: a switch to decline by amount rather than by card
 */
@ConfigurationProperties("food.payment.gateway")
record GatewayProperties(@DefaultValue("200.00") BigDecimal creditLimit) {

}
