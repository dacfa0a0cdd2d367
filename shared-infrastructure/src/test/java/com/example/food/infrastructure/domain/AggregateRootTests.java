package com.example.food.infrastructure.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.events.DeliveryCompleted;
import com.example.food.events.FoodEvent;
import com.example.food.events.PaymentFailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AggregateRootTests {

	static class Parcel extends AggregateRoot {

		private final UUID id = UUID.randomUUID();

		private boolean delivered;

		void deliver() {
			if (delivered) {
				throw new IllegalTransition("Parcel", id, "DELIVERED", "be delivered again");
			}
			delivered = true;
			register(new DeliveryCompleted(id, "courier-1"));
		}

	}

	@Test
	void handsOverTheRegisteredEventsOnceInTheirOrder() {
		Parcel parcel = new Parcel();
		parcel.register(new PaymentFailed("card declined"));
		parcel.deliver();

		List<FoodEvent> taken = parcel.takeEvents();

		assertThat(taken).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("PaymentFailed", "DeliveryCompleted");
		assertThat(parcel.takeEvents()).as("handed over once").isEmpty();
	}

	@Test
	void refusesAnIllegalTransitionNamingTheAggregateItsStateAndTheMove() {
		Parcel parcel = new Parcel();
		parcel.deliver();

		assertThatIllegalStateException().isThrownBy(parcel::deliver)
			.isInstanceOf(IllegalTransition.class)
			.withMessage("Parcel " + parcel.id + " is DELIVERED: cannot be delivered again");
	}

}
