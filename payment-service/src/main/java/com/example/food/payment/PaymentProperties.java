package com.example.food.payment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param creditLimit the simulated gateway declines any amount above it, whatever the token
 * ("over the credit limit"): a switch to decline by amount rather than by card
 */
@ConfigurationProperties("food.payment")
record PaymentProperties(@DefaultValue("200.00") BigDecimal creditLimit) {

}
