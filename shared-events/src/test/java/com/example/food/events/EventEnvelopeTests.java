package com.example.food.events;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventEnvelopeTests {

	private final FoodEvent placed = EventSamples.envelope(EventType.ORDER_PLACED).payload();

	@Test
	void takesTypeAndVersionFromThePayload() {
		Instant before = Instant.now();

		EventEnvelope envelope = EventEnvelope.of(placed, EventSamples.ORDER_ID);

		assertThat(envelope.type()).isEqualTo("order.placed");
		assertThat(envelope.version()).isEqualTo(1);
		assertThat(envelope.orderId()).isEqualTo(EventSamples.ORDER_ID);
		assertThat(envelope.causationId()).isNull();
		assertThat(envelope.occurredAt()).isBetween(before.minusMillis(1), Instant.now());
	}

	@Test
	void givesEveryEnvelopeItsOwnId() {
		assertThat(EventEnvelope.of(placed, EventSamples.ORDER_ID).eventId())
			.isNotEqualTo(EventEnvelope.of(placed, EventSamples.ORDER_ID).eventId());
	}

	@Test
	void linksTheEventItCausedToItself() {
		EventEnvelope cause = EventEnvelope.of(placed, EventSamples.ORDER_ID);

		EventEnvelope effect = cause.caused(new PaymentFailed("card declined"));

		assertThat(effect.type()).isEqualTo(RoutingKeys.PAYMENT_FAILED);
		assertThat(effect.orderId()).isEqualTo(cause.orderId());
		assertThat(effect.causationId()).isEqualTo(cause.eventId());
		assertThat(effect.eventId()).isNotEqualTo(cause.eventId());
	}

	@Test
	void rejectsATypeThatDoesNotMatchThePayload() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventEnvelope(UUID.randomUUID(), RoutingKeys.PAYMENT_FAILED, 1, Instant.now(),
					EventSamples.ORDER_ID, null, placed))
			.withMessage("type 'payment.failed' does not match payload OrderPlaced");
	}

}
