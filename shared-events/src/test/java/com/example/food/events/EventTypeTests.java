package com.example.food.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTests {

	@Test
	void registersEveryPermittedEventRecordOnce() {
		List<Class<?>> registered = Arrays.stream(EventType.values()).<Class<?>>map(EventType::payloadClass).toList();

		assertThat(registered).containsExactlyInAnyOrder(FoodEvent.class.getPermittedSubclasses());
	}

	@Test
	void registersEveryRoutingKeyConstant() throws IllegalAccessException {
		List<String> constants = new ArrayList<>();
		for (Field field : RoutingKeys.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				constants.add((String) field.get(null));
			}
		}

		assertThat(Arrays.stream(EventType.values()).map(EventType::routingKey))
			.containsExactlyInAnyOrderElementsOf(constants);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void findsEachTypeByRoutingKeyAndByPayload(EventType type) {
		FoodEvent payload = EventSamples.envelope(type).payload();

		assertThat(EventType.of(type.routingKey())).isSameAs(type);
		assertThat(EventType.of(payload)).isSameAs(type);
		assertThat(payload.type()).isSameAs(type);
		assertThat(type.supports(type.version())).isTrue();
	}

	@Test
	void namesTheRoutingKeysOfTheDesign() {
		assertThat(EventType.ORDER_PLACED.routingKey()).isEqualTo("order.placed");
		assertThat(EventType.MEAL_PREPARED.routingKey()).isEqualTo("meal.prepared");
		assertThat(EventType.PAYMENT_REFUNDED.routingKey()).isEqualTo("payment.refunded");
	}

	@Test
	void rejectsAnUnknownRoutingKey() {
		assertThatThrownBy(() -> EventType.of("foo.bar")).isInstanceOf(InvalidEvent.class)
			.hasMessage("unknown event type 'foo.bar'");
	}

	@Test
	void supportsOnlyTheCurrentVersion() {
		assertThat(EventType.ORDER_PLACED.supports(2)).isFalse();
		assertThat(EventType.ORDER_PLACED.supports(0)).isFalse();
	}

}
