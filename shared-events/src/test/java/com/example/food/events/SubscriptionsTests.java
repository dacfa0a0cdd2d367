package com.example.food.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsTests {

	@Test
	void everyEventHasAtLeastOneConsumer() {
		Set<EventType> consumed = Subscriptions.all()
			.values()
			.stream()
			.flatMap(Collection::stream)
			.collect(Collectors.toSet());

		assertThat(consumed).containsExactlyInAnyOrder(EventType.values());
	}

	@Test
	void theFiveServicesConsume() {
		assertThat(Subscriptions.all()).containsOnlyKeys("order", "inventory", "payment", "kitchen", "delivery");
		assertThat(Subscriptions.of("delivery")).contains(Set.of(EventType.MEAL_PREPARED));
		assertThat(Subscriptions.of("gateway")).isEmpty();
	}

	@Test
	void anOrderIsCancelledForEveryParticipantThatHoldsSomethingOfIt() {
		assertThat(Arrays.stream(new String[] { "inventory", "payment" })).allSatisfy(
				service -> assertThat(Subscriptions.of(service).orElseThrow()).contains(EventType.ORDER_CANCELLED));
	}

}
