package com.example.food.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login for {@code /admin/**} and the non-public actuator endpoints, from
 * FOOD_ADMIN_USER and FOOD_ADMIN_PASSWORD. With no password configured, a random one is
 * made for the run and logged once, so that nothing secret is ever written in the code or
 * in a default.
 */
@ConfigurationProperties("food.admin")
public record AdminProperties(@DefaultValue("admin") String user, @DefaultValue("") String password) {

}
