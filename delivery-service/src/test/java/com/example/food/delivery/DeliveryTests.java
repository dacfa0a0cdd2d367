package com.example.food.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.delivery.courier.Courier;
import com.example.food.events.DeliveryAssigned;
import com.example.food.events.DeliveryCompleted;
import com.example.food.events.DeliveryFailed;
import com.example.food.events.EventEnvelope;
import com.example.food.events.FoodEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeliveryTests {

	static final Instant NOW = Instant.parse("2025-11-23T18:00:00Z");

	static final Duration RETRY = Duration.ofSeconds(2);

	final UUID mealPrepared = UUID.randomUUID();

	final Delivery delivery = Delivery.start(UUID.randomUUID(), Meals.ADDRESS, mealPrepared, NOW);

	@Test
	void startsWaitingForACourierWithItsFirstSearchDueAtOnce() {
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING_FOR_COURIER);
		assertThat(delivery.attempts()).isZero();
		assertThat(delivery.times().dueAt()).isEqualTo(NOW);
		assertThat(delivery.takeEvents()).isEmpty();
	}

	@Test
	void waitsAfterASearchWithoutACourierAndFailsAfterTheLastOne() {
		delivery.noCourierFree(NOW, RETRY, 3);
		delivery.noCourierFree(NOW.plus(RETRY), RETRY, 3);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING_FOR_COURIER);
		assertThat(delivery.attempts()).isEqualTo(2);
		assertThat(delivery.times().dueAt()).isEqualTo(NOW.plus(RETRY).plus(RETRY));
		assertThat(delivery.takeEvents()).isEmpty();

		delivery.noCourierFree(NOW.plus(RETRY.multipliedBy(2)), RETRY, 3);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.times().dueAt()).isNull();
		assertThat(delivery.failureReason()).isEqualTo("no courier available");
		List<FoodEvent> events = delivery.takeEvents();
		assertThat(events).containsExactly(new DeliveryFailed("no courier available", 3));
		assertThat(delivery.announce(events.getFirst()).causationId()).isEqualTo(mealPrepared);
	}

	@Test
	void failsAtTheFirstSearchWhenOneAttemptIsAllowed() {
		delivery.noCourierFree(NOW, RETRY, 1);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.takeEvents()).containsExactly(new DeliveryFailed("no courier available", 1));
	}

	@Test
	void assignsACourierThenCompletesAndChainsItsEvents() {
		Courier ada = new Courier("courier-1", "Ada");

		delivery.assign(ada, NOW, Duration.ofSeconds(5));

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.ASSIGNED);
		assertThat(delivery.attempts()).isEqualTo(1);
		assertThat(delivery.times().dueAt()).isEqualTo(NOW.plusSeconds(5));
		EventEnvelope assigned = delivery.announce(delivery.takeEvents().getFirst());
		assertThat(assigned.payload()).isEqualTo(new DeliveryAssigned(delivery.id(), "courier-1", "Ada"));
		assertThat(assigned.causationId()).isEqualTo(mealPrepared);

		delivery.complete(ada, NOW.plusSeconds(5));

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivery.times().deliveredAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(delivery.times().dueAt()).isNull();
		EventEnvelope completed = delivery.announce(delivery.takeEvents().getFirst());
		assertThat(completed.payload()).isEqualTo(new DeliveryCompleted(delivery.id(), "courier-1"));
		assertThat(completed.causationId()).isEqualTo(assigned.eventId());
	}

	@Test
	void refusesTransitionsFromTheWrongState() {
		Courier ada = new Courier("courier-1", "Ada");

		assertThatIllegalStateException().isThrownBy(() -> delivery.complete(ada, NOW));

		delivery.noCourierFree(NOW, RETRY, 1);

		assertThatIllegalStateException().isThrownBy(() -> delivery.assign(ada, NOW, RETRY));
		assertThatIllegalStateException().isThrownBy(() -> delivery.noCourierFree(NOW, RETRY, 1));
	}

	@Test
	void refusesACourierWhoIsOutOnAnotherDelivery() {
		Courier ada = new Courier("courier-1", "Ada");
		ada.takeOn(UUID.randomUUID());

		assertThatIllegalStateException().isThrownBy(() -> delivery.assign(ada, NOW, RETRY));
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING_FOR_COURIER);
	}

	@Test
	void refusesToCompleteWithAnotherCourier() {
		delivery.assign(new Courier("courier-1", "Ada"), NOW, RETRY);

		assertThatIllegalStateException().isThrownBy(() -> delivery.complete(new Courier("courier-2", "Grace"), NOW));
	}

}
