package com.example.food.payment;

import org.junit.jupiter.api.Test;

import com.example.food.payment.gateway.GatewayOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a remembered follow-up asks for once the pending operation is approved. */
class FollowUpTests {

	@Test
	void capturesOnceTheHoldIsApproved() {
		assertThat(FollowUp.CAPTURE.after(GatewayOperation.AUTHORIZE)).isEqualTo(GatewayOperation.CAPTURE);
	}

	@Test
	void voidsTheHoldOrRefundsTheCaptureForACancellation() {
		assertThat(FollowUp.CANCEL.after(GatewayOperation.AUTHORIZE)).isEqualTo(GatewayOperation.VOID);
		assertThat(FollowUp.CANCEL.after(GatewayOperation.CAPTURE)).isEqualTo(GatewayOperation.REFUND);
	}

	@Test
	void isNeverRememberedWhileAnythingElseIsPending() {
		assertThatIllegalStateException().isThrownBy(() -> FollowUp.CAPTURE.after(GatewayOperation.CAPTURE));
		assertThatIllegalStateException().isThrownBy(() -> FollowUp.CANCEL.after(GatewayOperation.VOID));
		assertThatIllegalStateException().isThrownBy(() -> FollowUp.CANCEL.after(GatewayOperation.REFUND));
	}

}
