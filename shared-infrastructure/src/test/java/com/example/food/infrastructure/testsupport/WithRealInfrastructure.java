package com.example.food.infrastructure.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Points a Spring test at the run's real PostgreSQL and RabbitMQ (see
 * {@link TestInfrastructure}): the containers through {@code @ServiceConnection}
 * ({@link Containers}), or the local servers' workspace as properties
 * ({@link RealInfrastructureInitializer}). Put it next to {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@Import(Containers.class)
public @interface WithRealInfrastructure {

}
