package com.example.food.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.food.events.DeliveryAddress;
import com.example.food.order.Order;
import com.example.food.order.OrderLine;
import com.example.food.order.OrderStatus;

/**
 * An order as the API shows it. {@code reason} and {@code reasonDetail} say why an order
 * was rejected or cancelled; names, unit prices and the total are null when inventory
 * never priced it. The payment token is not shown back.
 */
record OrderView(UUID id, String customerId, OrderStatus status, @Nullable String reason, @Nullable String reasonDetail,
		List<LineView> lines, @Nullable BigDecimal total, DeliveryAddress deliveryAddress, Instant createdAt,
		Instant updatedAt) {

	record LineView(String sku, @Nullable String name, int quantity, @Nullable BigDecimal unitPrice) {

		static LineView of(OrderLine line) {
			return new LineView(line.sku(), line.name(), line.quantity(), line.unitPrice());
		}
	}

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.status(), order.reason(), order.reasonDetail(),
				order.lines().stream().map(LineView::of).toList(), order.total(), order.deliveryAddress(),
				order.createdAt(), order.updatedAt());
	}
}
