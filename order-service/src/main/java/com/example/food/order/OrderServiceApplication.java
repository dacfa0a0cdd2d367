package com.example.food.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import com.example.food.sagaview.SagaViewConfiguration;

/**
 * Public API for orders; calls inventory over REST and follows each order's saga. It also
 * serves the saga view, which lives in the saga-view module (docs/saga-view.md).
 */
@SpringBootApplication
@Import(SagaViewConfiguration.class)
public class OrderServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
