package com.example.food.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

import com.example.food.payment.gateway.GatewayOperation;

/**
 * The intent: the one gateway operation a payment asked for and has not recorded an
 * answer to. Recorded before the gateway is called, in the same transaction as the fact
 * that asked for it, so a crash can never leave an operation done at the gateway that
 * payment knows nothing of: whatever happened, the intent is still here, and repeating
 * its call with the same key finds out. What the payment is asked while it is pending is
 * remembered with it, and asked for once its answer is recorded ({@link FollowUp}).
 */
@Embeddable
class GatewayIntent {

	@Enumerated(EnumType.STRING)
	@Column(name = "pending_operation")
	private @Nullable GatewayOperation operation;

	/** The event that asked for it: the cause of the event its outcome announces. */
	@Column(name = "pending_cause")
	private @Nullable UUID cause;

	@Column(name = "pending_since")
	private @Nullable Instant since;

	/**
	 * When the poller may call again; null until a first call was made (then
	 * {@code since} decides).
	 */
	private @Nullable Instant nextAttemptAt;

	private int attempts;

	/** What came while the operation was pending, applied to its answer. */
	@Enumerated(EnumType.STRING)
	private @Nullable FollowUp followUp;

	/** The event that asked for the follow-up: the cause of what it will announce. */
	private @Nullable UUID followUpCause;

	void start(GatewayOperation next, UUID causedBy, Instant now) {
		if (operation != null) {
			throw new IllegalStateException("asked for " + next + " while " + operation + " is pending; one at a time");
		}
		operation = next;
		cause = causedBy;
		since = now;
		nextAttemptAt = null;
		attempts = 0;
	}

	void remember(FollowUp next, UUID causedBy) {
		followUp = next;
		followUpCause = causedBy;
	}

	/**
	 * The gateway approved the pending operation: it is settled, and the follow-up
	 * remembered meanwhile, if any, becomes the next intent, caused by the event that
	 * asked for it.
	 */
	void approved(Instant now) {
		GatewayOperation answered = Objects.requireNonNull(operation, "no pending operation");
		settle();
		if (followUp != null) {
			GatewayOperation next = followUp.after(answered);
			UUID causedBy = Objects.requireNonNull(followUpCause);
			forgetFollowUp();
			start(next, causedBy, now);
		}
	}

	/**
	 * The gateway declined the pending operation: it is settled, and nothing is left to
	 * act on for a follow-up remembered meanwhile.
	 */
	void declined() {
		settle();
		forgetFollowUp();
	}

	private void settle() {
		Objects.requireNonNull(cause, "no pending operation");
		operation = null;
		cause = null;
		since = null;
		nextAttemptAt = null;
	}

	private void forgetFollowUp() {
		followUp = null;
		followUpCause = null;
	}

	/** Counts the attempt to call; returns its number. */
	int attemptStarted(Instant dueAgain) {
		attempts++;
		nextAttemptAt = dueAgain;
		return attempts;
	}

	void attemptFailed(Instant dueAgain) {
		nextAttemptAt = dueAgain;
	}

	/**
	 * The event that asked for the pending operation: the cause of what its answer
	 * announces.
	 */
	@Nullable UUID cause() {
		return cause;
	}

	@Nullable GatewayOperation operation() {
		return operation;
	}

	@Nullable FollowUp followUp() {
		return followUp;
	}

}
