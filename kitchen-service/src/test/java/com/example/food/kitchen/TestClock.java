package com.example.food.kitchen;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The real time, unless a test holds it still: while frozen, the meal timer never sees a
 * ticket's time come, so a test can act on an ACCEPTED ticket before it is PREPARED,
 * without a race.
 */
public final class TestClock extends Clock {

	private volatile @Nullable Instant frozenAt;

	/** Holds time still at this moment, until {@link #unfreeze()}. */
	public void freeze() {
		frozenAt = now();
	}

	/** Back to the real time, which has moved on meanwhile. */
	public void unfreeze() {
		frozenAt = null;
	}

	@Override
	public Instant instant() {
		Instant frozen = frozenAt;
		return frozen != null ? frozen : now();
	}

	// To the microsecond, as the service's own clock: what PostgreSQL keeps.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the kitchen works in UTC");
	}

}
