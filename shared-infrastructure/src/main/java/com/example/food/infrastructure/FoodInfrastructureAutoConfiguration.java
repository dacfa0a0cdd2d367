package com.example.food.infrastructure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import com.example.food.infrastructure.outbox.Outbox;
import com.example.food.infrastructure.security.AdminSecurityConfiguration;
import com.example.food.infrastructure.web.ProblemDetailsAdvice;
import com.example.food.infrastructure.web.RequestSizeLimit;
import com.example.food.infrastructure.web.WebProperties;

/**
 * Gives every service the shared infrastructure, just by having this module on its class path
 * (listed in META-INF/spring/...AutoConfiguration.imports).
 */
@AutoConfiguration
@EnableConfigurationProperties(WebProperties.class)
@Import({ ProblemDetailsAdvice.class, RequestSizeLimit.class, AdminSecurityConfiguration.class, Outbox.class })
public class FoodInfrastructureAutoConfiguration {

}
