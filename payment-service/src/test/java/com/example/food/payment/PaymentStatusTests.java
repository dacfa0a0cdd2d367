package com.example.food.payment;

import org.junit.jupiter.api.Test;

import com.example.food.payment.gateway.GatewayOperation;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the gateway's approval of each operation leaves a payment. */
class PaymentStatusTests {

	@Test
	void movesToTheStatusOfEachApprovedOperation() {
		assertThat(PaymentStatus.approved(GatewayOperation.AUTHORIZE)).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(PaymentStatus.approved(GatewayOperation.CAPTURE)).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(PaymentStatus.approved(GatewayOperation.VOID)).isEqualTo(PaymentStatus.VOIDED);
		assertThat(PaymentStatus.approved(GatewayOperation.REFUND)).isEqualTo(PaymentStatus.REFUNDED);
	}

}
