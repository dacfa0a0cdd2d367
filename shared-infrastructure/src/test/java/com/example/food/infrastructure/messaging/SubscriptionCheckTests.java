package com.example.food.infrastructure.messaging;

import org.junit.jupiter.api.Test;

import com.example.food.events.DeliveryFailed;
import com.example.food.events.MealPrepared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The other services declare a service's queue from the contract, so its handlers must
 * agree with it.
 */
class SubscriptionCheckTests {

	@Test
	void aServiceWhoseHandlersMatchTheContractStarts() {
		EventHandlers delivery = EventHandlers.builder().on(MealPrepared.class, "dispatch", (event, envelope) -> {
		}).build();

		assertThatCode(() -> MessagingConfiguration.checkSubscription("delivery", delivery)).doesNotThrowAnyException();
	}

	@Test
	void aHandlerTheContractDoesNotListStopsTheService() {
		EventHandlers delivery = EventHandlers.builder().on(MealPrepared.class, "dispatch", (event, envelope) -> {
		}).on(DeliveryFailed.class, "retry", (event, envelope) -> {
		}).build();

		assertThatIllegalStateException()
			.isThrownBy(() -> MessagingConfiguration.checkSubscription("delivery", delivery))
			.withMessageContaining("[delivery.failed, meal.prepared]")
			.withMessageContaining("says [meal.prepared]");
	}

	@Test
	void aServiceOutsideTheContractTakesWhatItsHandlersSay() {
		EventHandlers probe = EventHandlers.builder().on(DeliveryFailed.class, "record", (event, envelope) -> {
		}).build();

		assertThatCode(() -> MessagingConfiguration.checkSubscription("infrastructure", probe))
			.doesNotThrowAnyException();
	}

}
