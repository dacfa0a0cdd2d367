package com.example.food.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.example.food.payment.GatewayDecision.Approved;
import com.example.food.payment.GatewayDecision.Declined;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated gateway's rules, as documented in PaymentGateway and application.yml. */
class PaymentGatewayTests {

	private final PaymentGateway gateway = new PaymentGateway(new PaymentProperties(new BigDecimal("200.00")));

	@Test
	void approvesTheVisaTokenAndAnyOtherTestToken() {
		assertThat(gateway.charge("tok_visa", new BigDecimal("19.00"))).isEqualTo(new Approved());
		assertThat(gateway.charge("tok_mastercard_4444", new BigDecimal("19.00"))).isEqualTo(new Approved());
	}

	@Test
	void declinesTheDeclinedAndInsufficientFundsTokens() {
		assertThat(gateway.charge("tok_declined", BigDecimal.ONE)).isEqualTo(new Declined("card declined"));
		assertThat(gateway.charge("tok_insufficient_funds", BigDecimal.ONE)).isEqualTo(new Declined("insufficient funds"));
	}

	@Test
	void declinesATokenThatIsNoToken() {
		assertThat(gateway.charge("4242 4242 4242 4242", BigDecimal.ONE)).isEqualTo(new Declined("invalid payment token"));
	}

	@Test
	void declinesAboveTheCreditLimitWhateverTheToken() {
		assertThat(gateway.charge("tok_visa", new BigDecimal("200.01"))).isEqualTo(new Declined("over the credit limit"));
		assertThat(gateway.charge("tok_insufficient_funds", new BigDecimal("500"))).isEqualTo(
				new Declined("over the credit limit"));
	}

	@Test
	void approvesAnAmountExactlyAtTheCreditLimit() {
		assertThat(gateway.charge("tok_visa", new BigDecimal("200.00"))).isEqualTo(new Approved());
		assertThat(gateway.charge("tok_visa", new BigDecimal("200"))).isEqualTo(new Approved());
	}
}
