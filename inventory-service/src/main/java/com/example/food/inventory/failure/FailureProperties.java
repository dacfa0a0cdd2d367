package com.example.food.inventory.failure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lostResponseDelay how long a "lost" response is held back: longer than any
 * client's read timeout, so the client gives up without knowing that its reservation was
 * made
 */
@ConfigurationProperties("food.failures")
record FailureProperties(@DefaultValue("10s") Duration lostResponseDelay) {

}
