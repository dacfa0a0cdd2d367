package com.example.food.events;

public record DeliveryAddress(String street, String city, String postcode) {

	public DeliveryAddress {
		Require.present(street, "street");
		Require.present(city, "city");
		Require.present(postcode, "postcode");
	}
}
