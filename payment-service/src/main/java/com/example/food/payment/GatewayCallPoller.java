package com.example.food.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.example.food.infrastructure.observability.OutageLog;

/**
 * The repair of gateway calls: repeats, with the same idempotency key, every call whose
 * intent is still pending when it should not be. A crash after the intent was recorded,
 * or after the gateway acted but before its answer was recorded; a call that failed or
 * timed out. The intents are in the database ({@code payment.pending_operation}), so they
 * survive a restart, and any replica picks them up ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class GatewayCallPoller {

	private static final Logger log = LoggerFactory.getLogger(GatewayCallPoller.class);

	/**
	 * At most this many calls per tick: one tick must not hold a scheduler thread for
	 * long.
	 */
	private static final int BATCH = 20;

	private final GatewayCalls calls;

	private final OutageLog outage = new OutageLog(log, "Gateway call poller",
			"cannot read pending gateway calls ({}); they wait until the database is back",
			"the database is reachable again; pending gateway calls are being repaired");

	GatewayCallPoller(GatewayCalls calls) {
		this.calls = calls;
	}

	@Scheduled(fixedDelayString = "${food.payment.gateway-calls.poll-interval:1s}")
	void repairPendingCalls() {
		try {
			int made = 0;
			while (made < BATCH && calls.callNextDue()) {
				made++;
			}
			outage.over();
		}
		catch (DataAccessException ex) {
			// The intents are safe in the database.
			outage.during(ex);
		}
	}

}
