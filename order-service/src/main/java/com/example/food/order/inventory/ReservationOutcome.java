package com.example.food.order.inventory;

import java.time.Duration;
import java.util.List;

/** How a reservation attempt ended, as far as placing the order is concerned. */
public sealed interface ReservationOutcome {

	/** Every line is reserved and priced. */
	record Reserved(List<Reservation.Line> lines) implements ReservationOutcome {

	}

	/**
	 * 409 stock-insufficient: not enough stock for these lines; inventory reserved
	 * nothing.
	 */
	record StockInsufficient(List<Shortage> shortages) implements ReservationOutcome {

		public List<String> skus() {
			return shortages.stream().map(Shortage::sku).toList();
		}
	}

	/** 422 unknown-product: these SKUs are not on the menu; inventory stored nothing. */
	record UnknownProducts(List<String> skus) implements ReservationOutcome {

	}

	/**
	 * No usable answer: unreachable, too slow, failing after the retries, or the breaker
	 * open. Whether stock was reserved is unknown.
	 */
	record Unavailable(String reason, Duration retryAfter) implements ReservationOutcome {

	}

}
