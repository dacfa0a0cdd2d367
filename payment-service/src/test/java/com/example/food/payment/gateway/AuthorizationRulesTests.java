package com.example.food.payment.gateway;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.example.food.payment.gateway.GatewayDecision.Approved;
import com.example.food.payment.gateway.GatewayDecision.Declined;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated gateway's rules for an authorisation, as documented in AuthorizationRules
 * and application.yml.
 */
class AuthorizationRulesTests {

	private final AuthorizationRules rules = new AuthorizationRules(new BigDecimal("200.00"));

	@Test
	void approvesTheVisaTokenAndAnyOtherTestToken() {
		assertThat(rules.authorize("tok_visa", new BigDecimal("19.00"))).isEqualTo(new Approved());
		assertThat(rules.authorize("tok_mastercard_4444", new BigDecimal("19.00"))).isEqualTo(new Approved());
	}

	@Test
	void declinesTheDeclinedAndInsufficientFundsTokens() {
		assertThat(rules.authorize("tok_declined", BigDecimal.ONE)).isEqualTo(new Declined("card declined"));
		assertThat(rules.authorize("tok_insufficient_funds", BigDecimal.ONE))
			.isEqualTo(new Declined("insufficient funds"));
	}

	@Test
	void declinesATokenThatIsNoToken() {
		assertThat(rules.authorize("4242 4242 4242 4242", BigDecimal.ONE))
			.isEqualTo(new Declined("invalid payment token"));
	}

	@Test
	void declinesAboveTheCreditLimitWhateverTheToken() {
		assertThat(rules.authorize("tok_visa", new BigDecimal("200.01")))
			.isEqualTo(new Declined("over the credit limit"));
		assertThat(rules.authorize("tok_insufficient_funds", new BigDecimal("500")))
			.isEqualTo(new Declined("over the credit limit"));
	}

	@Test
	void approvesAnAmountExactlyAtTheCreditLimit() {
		assertThat(rules.authorize("tok_visa", new BigDecimal("200.00"))).isEqualTo(new Approved());
		assertThat(rules.authorize("tok_visa", new BigDecimal("200"))).isEqualTo(new Approved());
	}

}
