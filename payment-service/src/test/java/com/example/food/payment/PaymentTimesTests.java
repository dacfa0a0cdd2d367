package com.example.food.payment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.food.payment.gateway.GatewayOperation;

import static org.assertj.core.api.Assertions.assertThat;

/** When a payment changed, and when each step of its money was approved. */
class PaymentTimesTests {

	private static final Instant CREATED = Instant.parse("2025-11-23T18:00:00Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	@Test
	void startsWithNoMoneyMoved() {
		assertThat(PaymentTimes.createdAt(CREATED))
			.isEqualTo(new PaymentTimes(CREATED, CREATED, null, null, null, null));
	}

	@Test
	void stampsTheStepOfEachApprovedOperation() {
		PaymentTimes created = PaymentTimes.createdAt(CREATED);

		assertThat(created.approved(GatewayOperation.AUTHORIZE, LATER))
			.isEqualTo(new PaymentTimes(CREATED, LATER, LATER, null, null, null));
		assertThat(created.approved(GatewayOperation.CAPTURE, LATER))
			.isEqualTo(new PaymentTimes(CREATED, LATER, null, LATER, null, null));
		assertThat(created.approved(GatewayOperation.VOID, LATER))
			.isEqualTo(new PaymentTimes(CREATED, LATER, null, null, LATER, null));
		assertThat(created.approved(GatewayOperation.REFUND, LATER))
			.isEqualTo(new PaymentTimes(CREATED, LATER, null, null, null, LATER));
	}

	@Test
	void keepsTheStepsWhenOnlyUpdated() {
		PaymentTimes authorized = PaymentTimes.createdAt(CREATED).approved(GatewayOperation.AUTHORIZE, CREATED);

		assertThat(authorized.updated(LATER)).isEqualTo(new PaymentTimes(CREATED, LATER, CREATED, null, null, null));
	}

}
