package com.example.food.payment;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/**
 * A simulated card gateway: in-process, no network, and deterministic, so that every outcome of
 * the payment step can be chosen from the order a learner types. The rules, checked in this order:
 *
 * <ol>
 * <li>an amount above {@code food.payment.credit-limit} (default 200.00) is declined
 * "over the credit limit", whatever the token;</li>
 * <li>{@code tok_declined} is declined "card declined";</li>
 * <li>{@code tok_insufficient_funds} is declined "insufficient funds";</li>
 * <li>{@code tok_visa}, and any other token beginning with {@code tok_}, is approved;</li>
 * <li>a token that does not begin with {@code tok_} is declined "invalid payment token".</li>
 * </ol>
 *
 * A real gateway is a remote call that can fail or time out like any other; it would be called
 * with the order id as its idempotency key, so that a retried charge never takes the money twice.
 */
@Component
class PaymentGateway {

	static final String DECLINED = "tok_declined";

	static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";

	private static final String TOKEN_PREFIX = "tok_";

	private final PaymentProperties properties;

	PaymentGateway(PaymentProperties properties) {
		this.properties = properties;
	}

	GatewayDecision charge(String paymentToken, BigDecimal amount) {
		if (amount.compareTo(properties.creditLimit()) > 0) {
			return new GatewayDecision.Declined("over the credit limit");
		}
		return switch (paymentToken) {
			case DECLINED -> new GatewayDecision.Declined("card declined");
			case INSUFFICIENT_FUNDS -> new GatewayDecision.Declined("insufficient funds");
			case String token when token.startsWith(TOKEN_PREFIX) -> new GatewayDecision.Approved();
			default -> new GatewayDecision.Declined("invalid payment token");
		};
	}
}
