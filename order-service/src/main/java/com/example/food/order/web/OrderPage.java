package com.example.food.order.web;

import java.util.List;

import org.springframework.data.domain.Page;

import com.example.food.order.Order;

/**
 * One page of orders. Its own record rather than Spring Data's {@code Page}, whose JSON
 * form is not promised to stay the same between versions; the shape matches Spring's
 * {@code PagedModel}.
 */
record OrderPage(List<OrderView> content, Metadata page) {

	record Metadata(int size, int number, long totalElements, int totalPages) {

	}

	static OrderPage of(Page<Order> orders) {
		return new OrderPage(orders.getContent().stream().map(OrderView::of).toList(),
				new Metadata(orders.getSize(), orders.getNumber(), orders.getTotalElements(), orders.getTotalPages()));
	}
}
