package com.example.food.payment;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.food.events.DeliveryAddress;
import com.example.food.events.InvalidEvent;
import com.example.food.events.OrderLine;
import com.example.food.events.OrderPlaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a payment is for: the placed order's total in cents, and whose money it is. */
class BillTests {

	@Test
	void keepsTheTotalInCentsAndTheCustomer() {
		Bill bill = Bill.of(placed("c-42", "19"));

		assertThat(bill.amount()).isEqualByComparingTo("19.00").hasScaleOf(2);
		assertThat(bill.customerId()).isEqualTo("c-42");
	}

	@Test
	void refusesATotalWithFractionsOfACent() {
		assertThatThrownBy(() -> Bill.of(placed("c-42", "19.005"))).isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("fractions of a cent");
	}

	@Test
	void refusesATotalTooLargeToStore() {
		assertThat(Bill.of(placed("c-42", "9999999999.99")).amount()).isEqualByComparingTo("9999999999.99");
		assertThatThrownBy(() -> Bill.of(placed("c-42", "10000000000"))).isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("too large to pay");
	}

	@Test
	void refusesACustomerIdLongerThanStored() {
		assertThat(Bill.of(placed("c".repeat(64), "19")).customerId()).hasSize(64);
		assertThatThrownBy(() -> Bill.of(placed("c".repeat(65), "19"))).isInstanceOf(InvalidEvent.class)
			.hasMessageContaining("longer than 64 characters");
	}

	private static OrderPlaced placed(String customerId, String total) {
		return new OrderPlaced(customerId,
				List.of(new OrderLine("PIZZA-MARGHERITA", "Pizza Margherita", 1, new BigDecimal(total))),
				new BigDecimal(total), new DeliveryAddress("1 Main St", "Springfield", "12345"), "tok_visa");
	}

}
