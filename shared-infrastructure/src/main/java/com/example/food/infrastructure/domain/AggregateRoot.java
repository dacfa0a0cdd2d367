package com.example.food.infrastructure.domain;

import java.util.ArrayList;
import java.util.List;

import com.example.food.events.FoodEvent;

/**
 * An aggregate that registers the events its transitions cause. The caller that saves it
 * takes them ({@link #takeEvents()}) and writes them to the outbox in the same
 * transaction, wrapped in the envelope that names their order and their cause: the
 * aggregate knows what happened, the use case why.
 *
 * <p>
 * Not an entity and not a mapped superclass: JPA keeps none of its state, so the
 * registered events live only as long as the loaded aggregate.
 */
public abstract class AggregateRoot {

	private final List<FoodEvent> events = new ArrayList<>();

	/**
	 * Registers an event this transition caused, to be taken with {@link #takeEvents()}.
	 */
	protected void register(FoodEvent event) {
		events.add(event);
	}

	/** The events caused since this aggregate was loaded or made, handed over once. */
	public List<FoodEvent> takeEvents() {
		List<FoodEvent> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

}
