package com.example.food.order.timeline;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.EventEnvelope;
import com.example.food.events.PaymentRefunded;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineEntryTests {

	@Test
	void namesTheProducingServiceOfEachRoutingKey() {
		assertThat(TimelineEntry.producerOf("payment.completed")).isEqualTo("payment");
		assertThat(TimelineEntry.producerOf("ticket.accepted")).isEqualTo("kitchen");
		assertThat(TimelineEntry.producerOf("meal.prepared")).isEqualTo("kitchen");
		assertThat(TimelineEntry.producerOf("delivery.failed")).isEqualTo("delivery");
		assertThat(TimelineEntry.producerOf("order.cancelled")).isEqualTo("order");
	}

	@Test
	void keepsTheFactsTimeAndIdAndSaysWhyItWasIgnored() {
		EventEnvelope fact = EventEnvelope.of(new PaymentRefunded(UUID.randomUUID(), BigDecimal.TEN),
				UUID.randomUUID());

		TimelineEntry entry = TimelineEntry.ofFact(fact, "PAID", null, "refunded 10").ignoredBecause("duplicate");

		assertThat(entry.occurredAt()).isEqualTo(fact.occurredAt());
		assertThat(entry.eventId()).isEqualTo(fact.eventId());
		assertThat(entry.service()).isEqualTo("payment");
		assertThat(entry.step()).isEqualTo("payment.refunded");
		assertThat(entry.ignored()).isTrue();
		assertThat(entry.ignoredBecause()).isEqualTo("duplicate");
	}

}
