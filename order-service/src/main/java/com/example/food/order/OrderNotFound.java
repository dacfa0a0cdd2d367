package com.example.food.order;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.example.food.infrastructure.web.ProblemException;

/** No order has this id. */
public class OrderNotFound extends ProblemException {

	OrderNotFound(UUID orderId) {
		super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "There is no order " + orderId + ".",
				Map.of("orderId", orderId));
	}

}
