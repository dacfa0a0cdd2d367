package com.example.food.infrastructure.domain;

/**
 * An aggregate's guard refused a transition from its current state: a bug in the caller,
 * which should have asked first (handlers ignore what does not fit, on purpose, and say
 * why). Still an {@link IllegalStateException}: a handler that throws it is retried, then
 * dead-lettered, like any other unexpected failure, and a web request answers 500.
 */
public class IllegalTransition extends IllegalStateException {

	/**
	 * @param aggregate what refused, e.g. "Order"
	 * @param id its identity
	 * @param state the state it is in
	 * @param move the transition refused, e.g. "become PAID"
	 */
	public IllegalTransition(String aggregate, Object id, Object state, String move) {
		super(aggregate + " " + id + " is " + state + ": cannot " + move);
	}

}
