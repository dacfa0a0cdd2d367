package com.example.food.system;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.system.SagaAgreement.Disagreement;
import com.example.food.system.SagaAgreement.Story;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of allowed end states as the checker reads it: it must catch the stories that
 * once happened.
 */
class SagaAgreementTests {

	private static final BigDecimal TOTAL = new BigDecimal("9.50");

	@Test
	void acceptsADeliveredOrderWhoseMoneyWasTakenOnce() {
		Story delivered = story("DELIVERED", null, "CAPTURED", TOTAL, BigDecimal.ZERO, "COMMITTED", "PREPARED",
				"DELIVERED");

		assertThat(SagaAgreement.disagreementsOf(delivered)).isEmpty();
	}

	@Test
	void catchesACancelledOrderWhoseMealWasMadeAndDeliveredForFree() {
		// The story once seen: cancelled at the customer's
		// request while the kitchen cooked and delivered.
		Story freeMeal = story("CANCELLED", "CUSTOMER_REQUEST", "REFUNDED", TOTAL, TOTAL, "COMMITTED", "PREPARED",
				"DELIVERED");

		assertThat(SagaAgreement.disagreementsOf(freeMeal)).extracting(Disagreement::kind)
			.containsExactlyInAnyOrder("reservation", "ticket", "delivery");
	}

	@Test
	void catchesMoneyKeptForAnOrderWithoutAMealAndAHoldLeftOpen() {
		Story kept = story("CANCELLED", "KITCHEN_REJECTED", "VOIDED", TOTAL, BigDecimal.ZERO, "RELEASED", "REJECTED",
				null);
		Story open = new Story(UUID.randomUUID(), "CANCELLED", "PAYMENT_DECLINED", TOTAL, "DECLINED", BigDecimal.ZERO,
				BigDecimal.ZERO, true, 0, "RELEASED", null, false, null);

		assertThat(SagaAgreement.disagreementsOf(kept)).extracting(Disagreement::kind).containsExactly("money");
		assertThat(SagaAgreement.disagreementsOf(open)).extracting(Disagreement::kind)
			.containsExactly("hold left open");
	}

	@Test
	void allowsANoCourierOrderToKeepItsStockSpentAndItsMoneyGivenBack() {
		Story noCourier = story("CANCELLED", "NO_COURIER", "REFUNDED", TOTAL, TOTAL, "COMMITTED", "PREPARED", "FAILED");
		Story restocked = story("CANCELLED", "NO_COURIER", "REFUNDED", TOTAL, TOTAL, "RELEASED", "PREPARED", "FAILED");

		assertThat(SagaAgreement.disagreementsOf(noCourier)).isEmpty();
		assertThat(SagaAgreement.disagreementsOf(restocked)).extracting(Disagreement::kind)
			.containsExactly("reservation");
	}

	@Test
	void reportsAParticipantThatKeepsNothingYetAsADisagreementToWaitFor() {
		// Seen while a chaos run settles: the order ended
		// at its deadline before payment had heard of it.
		Story early = story("CANCELLED", "DEADLINE_EXCEEDED", null, BigDecimal.ZERO, BigDecimal.ZERO, "RELEASED", null,
				null);
		Story unpaid = story("DELIVERED", null, null, BigDecimal.ZERO, BigDecimal.ZERO, "COMMITTED", "PREPARED",
				"DELIVERED");

		assertThat(SagaAgreement.disagreementsOf(early)).extracting(Disagreement::kind)
			.containsExactlyInAnyOrder("payment", "ticket");
		assertThat(SagaAgreement.disagreementsOf(unpaid)).extracting(Disagreement::kind)
			.containsExactlyInAnyOrder("payment", "money");
	}

	@Test
	void reportsAnEndTheTableDoesNotKnow() {
		Story unknown = story("CANCELLED", "SOMETHING_NEW", null, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);

		assertThat(SagaAgreement.disagreementsOf(unknown)).extracting(Disagreement::kind)
			.containsExactly("unknown end");
	}

	private static Story story(String status, String reason, String payment, BigDecimal captured, BigDecimal refunded,
			String reservation, String ticket, String delivery) {
		return new Story(UUID.randomUUID(), status, reason, TOTAL, payment, captured, refunded, false, 0, reservation,
				ticket, false, delivery);
	}

}
