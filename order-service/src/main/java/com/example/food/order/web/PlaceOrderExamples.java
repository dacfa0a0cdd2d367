package com.example.food.order.web;

/**
 * Request bodies of {@code POST /orders} that Swagger UI offers in its example list, one
 * per outcome the README walks through. The first is the request a learner types.
 */
final class PlaceOrderExamples {

	static final String APPROVED = """
			{"customerId": "c-42",
			 "lines": [{"sku": "PIZZA-MARGHERITA", "quantity": 2}],
			 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
			 "paymentToken": "tok_visa"}""";

	static final String DECLINED = """
			{"customerId": "c-42",
			 "lines": [{"sku": "PASTA-CARBONARA", "quantity": 1}],
			 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
			 "paymentToken": "tok_declined"}""";

	static final String NOT_ENOUGH_STOCK = """
			{"customerId": "c-42",
			 "lines": [{"sku": "TIRAMISU", "quantity": 45}],
			 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
			 "paymentToken": "tok_visa"}""";

	static final String UNKNOWN_PRODUCT = """
			{"customerId": "c-42",
			 "lines": [{"sku": "SUSHI", "quantity": 1}],
			 "deliveryAddress": {"street": "1 Main St", "city": "Springfield", "postcode": "12345"},
			 "paymentToken": "tok_visa"}""";

	private PlaceOrderExamples() {
	}

}
