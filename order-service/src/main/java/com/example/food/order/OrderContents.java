package com.example.food.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import com.example.food.events.DeliveryAddress;

/**
 * What an order is for: its lines, their total once inventory has priced them, and where
 * the meal goes. Fixed when the order is made; {@link Order} keeps it in its own row and
 * in {@code order_line}.
 */
@Embeddable
class OrderContents {

	// The lines belong to the order and are always shown with it; batch
	// loading keeps a page of orders at two queries instead of one per order.
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@BatchSize(size = 100)
	private List<OrderLine> lines = new ArrayList<>();

	private @Nullable BigDecimal total;

	private String deliveryStreet;

	private String deliveryCity;

	private String deliveryPostcode;

	protected OrderContents() {
		// for JPA
	}

	private OrderContents(List<OrderLine> lines, @Nullable BigDecimal total, DeliveryAddress address) {
		this.lines = new ArrayList<>(lines);
		this.total = total;
		this.deliveryStreet = address.street();
		this.deliveryCity = address.city();
		this.deliveryPostcode = address.postcode();
	}

	/**
	 * The lines as inventory priced them, and their total.
	 * @throws IllegalArgumentException if there are none, or one has no price
	 */
	static OrderContents priced(List<OrderLine> pricedLines, DeliveryAddress address) {
		if (pricedLines.isEmpty() || !pricedLines.stream().allMatch(OrderLine::isPriced)) {
			throw new IllegalArgumentException("an order is placed with priced lines only");
		}
		BigDecimal total = pricedLines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new OrderContents(pricedLines, total, address);
	}

	/**
	 * The lines as the customer asked for them, without names, prices or total: for an
	 * order that inventory never priced (rejected, or cancelled for want of an answer).
	 */
	static OrderContents unpriced(PlaceOrder request) {
		List<OrderLine> lines = request.lines()
			.stream()
			.map(line -> OrderLine.unpriced(line.sku(), line.quantity()))
			.toList();
		return new OrderContents(lines, null, request.deliveryAddress());
	}

	List<OrderLine> lines() {
		return List.copyOf(lines);
	}

	/** Null when inventory never priced the order. */
	@Nullable BigDecimal total() {
		return total;
	}

	DeliveryAddress deliveryAddress() {
		return new DeliveryAddress(deliveryStreet, deliveryCity, deliveryPostcode);
	}

	/** The lines as the saga's events carry them; only priced lines have that form. */
	List<com.example.food.events.OrderLine> eventLines() {
		return lines.stream().map(OrderLine::toEvent).toList();
	}

}
