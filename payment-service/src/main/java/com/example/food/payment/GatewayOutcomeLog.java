package com.example.food.payment;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.example.food.payment.gateway.GatewayDecision;
import com.example.food.payment.gateway.GatewayOperation;

/**
 * What a recorded gateway answer did, said in the log: one line per saga step at INFO
 * with the order id (and the follow-up it starts), an ERROR for a decline that leaves a
 * payment for an operator to look at.
 */
final class GatewayOutcomeLog {

	private static final Logger log = LoggerFactory.getLogger(GatewayOutcomeLog.class);

	private GatewayOutcomeLog() {
	}

	/** The payment has just recorded the gateway's answer to {@code operation}. */
	static void write(Payment payment, GatewayOperation operation, GatewayDecision decision) {
		UUID orderId = payment.orderId();
		if (decision instanceof GatewayDecision.Declined(String why) && payment.status() != PaymentStatus.DECLINED) {
			log.error("Order {}: the gateway declined the {} ({}); payment {} stays {} for an operator to look at",
					orderId, operation, why, payment.id(), payment.status());
			return;
		}
		String next = switch (payment.pendingOperation()) {
			case null -> "";
			case VOID -> "; the order was cancelled meanwhile: voiding the hold now, payment.completed not announced";
			case CAPTURE -> "; ticket.accepted came meanwhile: capturing now";
			case REFUND -> "; the order was cancelled meanwhile: refunding now";
			case AUTHORIZE -> throw new IllegalStateException("AUTHORIZE after an outcome");
		};
		switch (payment.status()) {
			case AUTHORIZED -> log.info("Order {}: AUTHORIZED {}: the amount is held (payment {}){}", orderId,
					payment.amount(), payment.id(), next.isEmpty() ? ", payment.completed" : next);
			case DECLINED -> log.info("Order {}: DECLINED {}: {} (payment {}), payment.failed", orderId,
					payment.amount(), payment.reason(), payment.id());
			case CAPTURED ->
				log.info("Order {}: CAPTURED {}: the amount held is taken (payment {}), payment.captured{}", orderId,
						payment.amount(), payment.id(), next);
			case VOIDED ->
				log.info("Order {}: VOIDED {}: the hold is released, nothing was taken (payment {}), payment.voided",
						orderId, payment.amount(), payment.id());
			case REFUNDED -> log.info("Order {}: REFUNDED {} (payment {}), payment.refunded", orderId, payment.amount(),
					payment.id());
			case AUTHORIZING, CANCELLED_BEFORE_PAYMENT ->
				throw new IllegalStateException("no gateway answer leaves a payment " + payment.status());
		}
	}

}
