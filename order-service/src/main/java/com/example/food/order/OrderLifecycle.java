package com.example.food.order;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.jspecify.annotations.Nullable;

import com.example.food.events.CancellationReason;

/**
 * Where an order's saga stands and, once it ended, why: the rules of every move it may
 * make. Immutable: each move answers the state after it and assumes it was allowed;
 * {@link Order} asks first, throws if not, keeps the result and registers the event it
 * causes.
 *
 * @param status what the order shows
 * @param resumeStatus while {@code CANCELLING}, where the facts have put the order, and
 * so where a refused request returns it; null otherwise
 * @param reason why it was rejected or cancelled, or asked to be
 * @param reasonDetail the reason in words
 */
@Embeddable
record OrderLifecycle(@Enumerated(EnumType.STRING) OrderStatus status,
		@Enumerated(EnumType.STRING) @Nullable OrderStatus resumeStatus, @Nullable String reason,
		@Nullable String reasonDetail) {

	private static final int MAX_DETAIL_LENGTH = 500;

	/** On its way, or at an end without a reason. */
	static OrderLifecycle at(OrderStatus status) {
		return new OrderLifecycle(status, null, null, null);
	}

	/** Rejected or cancelled, for {@code reason}. */
	static OrderLifecycle ended(OrderStatus status, String reason, @Nullable String detail) {
		return new OrderLifecycle(status, null, reason, limited(detail));
	}

	/**
	 * Where the facts have put the order: its status, or while CANCELLING, the status a
	 * refusal returns it to.
	 */
	OrderStatus progress() {
		return status == OrderStatus.CANCELLING && resumeStatus != null ? resumeStatus : status;
	}

	/**
	 * Whether a fact of the saga may move the order on to {@code next}: only forwards,
	 * and only while it is still on its way. A later state may be reached with steps in
	 * between skipped: the facts come from different services over different paths, so
	 * the kitchen's "accepted" can arrive before payment's "completed"; since the kitchen
	 * only accepts paid orders, the later fact implies the earlier one. The earlier fact,
	 * when it comes, then finds nothing to change. While a cancellation is pending the
	 * facts still count: they move {@link #progress()}, where a refused request returns
	 * the order.
	 */
	boolean canAdvanceTo(OrderStatus next) {
		return !status.isFinal() && progress().isBefore(next);
	}

	/**
	 * On to {@code next}; while CANCELLING the lock holds: the order waits for the
	 * kitchen's answer, and remembers where the facts are.
	 */
	OrderLifecycle advancedTo(OrderStatus next) {
		return isCancelling() ? new OrderLifecycle(status, next, reason, reasonDetail)
				: new OrderLifecycle(next, resumeStatus, reason, reasonDetail);
	}

	/** Whether a request to cancel waits for the kitchen's answer. */
	boolean isCancelling() {
		return status == OrderStatus.CANCELLING;
	}

	/**
	 * Whether the customer (or a deadline) may ask for the order to be cancelled now:
	 * while it is on its way and, as far as the facts say, its meal is not prepared, with
	 * no request already pending. This is only what the order's own view forbids; whether
	 * it is too late is the kitchen's answer.
	 */
	boolean canRequestCancellation() {
		return !status.isFinal() && !isCancelling() && status.isBefore(OrderStatus.READY_FOR_DELIVERY);
	}

	/**
	 * CANCELLING, a semantic lock: nothing is compensated yet, since the kitchen may
	 * already have prepared the meal.
	 */
	OrderLifecycle cancellationRequested(CancellationReason reason, String detail) {
		return new OrderLifecycle(OrderStatus.CANCELLING, status, reason.name(), limited(detail));
	}

	/** The kitchen granted the request: CANCELLED for the reason it was asked for. */
	OrderLifecycle cancellationGranted() {
		return new OrderLifecycle(OrderStatus.CANCELLED, null, reason, reasonDetail);
	}

	/** The kitchen refused the request: back to where the facts put the order. */
	OrderLifecycle cancellationRefused() {
		return at(progress());
	}

	/**
	 * Whether a fact ending the order for {@code reason} would end it now. Such facts
	 * come from the service that decided: a declined payment only while the order waits
	 * for it, a kitchen that rejects the ticket until it has accepted it, a missing
	 * courier until a courier has the meal. They end the order also while a cancellation
	 * request is pending (its answer then finds nothing to do). CUSTOMER_REQUEST and
	 * DEADLINE_EXCEEDED are never facts here: they are requests the kitchen answers;
	 * INVENTORY_UNAVAILABLE happens only while placing.
	 */
	boolean canCancel(CancellationReason reason) {
		if (status.isFinal()) {
			return false;
		}
		return switch (reason) {
			case KITCHEN_REJECTED -> progress().isBefore(OrderStatus.PREPARING);
			case PAYMENT_DECLINED -> progress().isBefore(OrderStatus.PAID);
			case NO_COURIER -> progress().isBefore(OrderStatus.OUT_FOR_DELIVERY);
			case CUSTOMER_REQUEST, DEADLINE_EXCEEDED, INVENTORY_UNAVAILABLE -> false;
		};
	}

	/** Ended by a fact of the service that decided. */
	OrderLifecycle cancelled(CancellationReason reason, @Nullable String detail) {
		return ended(OrderStatus.CANCELLED, reason.name(), detail);
	}

	private static @Nullable String limited(@Nullable String detail) {
		if (detail == null || detail.length() <= MAX_DETAIL_LENGTH) {
			return detail;
		}
		return detail.substring(0, MAX_DETAIL_LENGTH - 1) + "…";
	}

}
