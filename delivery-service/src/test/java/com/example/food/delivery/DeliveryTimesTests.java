package com.example.food.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTimesTests {

	static final Instant STARTED = Instant.parse("2025-11-23T18:00:00Z");

	final DeliveryTimes started = DeliveryTimes.startedAt(STARTED);

	@Test
	void startsWithTheFirstSearchDueAtOnce() {
		assertThat(started).isEqualTo(new DeliveryTimes(STARTED, STARTED, STARTED, null, null, null));
	}

	@Test
	void dueAgainAfterTheRetryIntervalWhenNoCourierWasFree() {
		Instant searched = STARTED.plusSeconds(1);

		DeliveryTimes waiting = started.nextSearchIn(searched, Duration.ofSeconds(2));

		assertThat(waiting).isEqualTo(new DeliveryTimes(STARTED, searched, searched.plusSeconds(2), null, null, null));
	}

	@Test
	void dueForTheHandOverAfterTheDeliveryTimeOnceACourierSetOff() {
		Instant assigned = STARTED.plusSeconds(3);

		DeliveryTimes onTheWay = started.assigned(assigned, Duration.ofSeconds(5));

		assertThat(onTheWay)
			.isEqualTo(new DeliveryTimes(STARTED, assigned, assigned.plusSeconds(5), assigned, null, null));
	}

	@Test
	void dueNoMoreOnceDelivered() {
		Instant assigned = STARTED.plusSeconds(3);
		Instant handedOver = assigned.plusSeconds(5);

		DeliveryTimes delivered = started.assigned(assigned, Duration.ofSeconds(5)).delivered(handedOver);

		assertThat(delivered).isEqualTo(new DeliveryTimes(STARTED, handedOver, null, assigned, handedOver, null));
	}

	@Test
	void dueNoMoreOnceFailed() {
		Instant givenUp = STARTED.plusSeconds(8);

		DeliveryTimes failed = started.nextSearchIn(STARTED, Duration.ofSeconds(2)).failed(givenUp);

		assertThat(failed).isEqualTo(new DeliveryTimes(STARTED, givenUp, null, null, null, givenUp));
	}

}
