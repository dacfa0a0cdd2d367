package com.example.food.infrastructure.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body any endpoint accepts; an order is a few
 * hundred bytes, so anything near this limit is a mistake or an attack, refused before it
 * is parsed
 */
@ConfigurationProperties("food.http")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestSize) {

}
