package com.example.food.infrastructure.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

/**
 * A test of the shared infrastructure on its own: the bare
 * {@link InfrastructureTestApplication} with the services' shared defaults, on a real
 * PostgreSQL and RabbitMQ. The test classes that carry it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = InfrastructureTestApplication.class,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME })
@WithRealInfrastructure
public @interface InfrastructureTest {

}
