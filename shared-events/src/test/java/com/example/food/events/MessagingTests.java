package com.example.food.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingTests {

	@Test
	void namesTheTopologyOfTheDesign() {
		assertThat(Messaging.EXCHANGE).isEqualTo("food.events");
		assertThat(Messaging.DEAD_LETTER_EXCHANGE).isEqualTo("food.events.dlx");
	}

	@Test
	void namesEachServicesQueueAndItsDeadLetters() {
		assertThat(Messaging.queueFor("payment")).isEqualTo("payment.events");
		assertThat(Messaging.deadLetterQueueFor("payment")).isEqualTo("payment.events.dlq");
	}

}
