package com.example.food.payment.gateway;

import java.math.BigDecimal;

/**
 * The simulated gateway's answer to an authorisation: deterministic, so that every
 * outcome of the payment step can be chosen from the order a learner types. The rules,
 * checked in this order:
 *
 * <ol>
 * <li>an amount above {@code food.payment.gateway.credit-limit} (default 200.00) is
 * declined "over the credit limit", whatever the token;</li>
 * <li>{@code tok_declined} is declined "card declined";</li>
 * <li>{@code tok_insufficient_funds} is declined "insufficient funds";</li>
 * <li>{@code tok_visa}, and any other token beginning with {@code tok_}, is
 * approved;</li>
 * <li>a token that does not begin with {@code tok_} is declined "invalid payment
 * token".</li>
 * </ol>
 *
 * Capture, void and refund are always approved: they concern a hold this gateway
 * approved.
 */
class AuthorizationRules {

	static final String DECLINED = "tok_declined";

	static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";

	private static final String TOKEN_PREFIX = "tok_";

	private final BigDecimal creditLimit;

	AuthorizationRules(BigDecimal creditLimit) {
		this.creditLimit = creditLimit;
	}

	GatewayDecision authorize(String paymentToken, BigDecimal amount) {
		if (amount.compareTo(creditLimit) > 0) {
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
