package com.example.food.payment.gateway;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's own record of what it did ({@code gateway_ledger}), one row per
 * idempotency key. It is in payment's database only because the gateway is simulated; it
 * stands for the books of another system, so it is written in transactions of its own
 * (REQUIRES_NEW), never in payment's: what the gateway did stays done even if payment's
 * transaction rolls back, and survives a SIGKILL.
 */
@Component
class GatewayLedger {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	GatewayLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Optional<LedgerEntry> find(String idempotencyKey) {
		return jdbc.sql("select * from gateway_ledger where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(GatewayLedger::entry)
			.optional();
	}

	/**
	 * Records what the gateway did, unless the key is already recorded, and returns what
	 * is recorded: of two calls with the same key at the same moment, the first to commit
	 * wins and both answer with its outcome.
	 */
	LedgerEntry record(GatewayRequest request, GatewayDecision decision) {
		return ownTransaction.execute(status -> {
			jdbc.sql(
					"""
							insert into gateway_ledger (idempotency_key, order_id, operation, amount, outcome, decline_reason, recorded_at)
							values (:key, :orderId, :operation, :amount, :outcome, :declineReason, :recordedAt)
							on conflict (idempotency_key) do nothing
							""")
				.param("key", request.idempotencyKey())
				.param("orderId", request.orderId())
				.param("operation", request.operation().name())
				.param("amount", request.amount())
				.param("outcome", decision instanceof GatewayDecision.Approved ? "APPROVED" : "DECLINED")
				.param("declineReason", decision instanceof GatewayDecision.Declined(String reason) ? reason : null)
				.param("recordedAt", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
				.update();
			return find(request.idempotencyKey()).orElseThrow();
		});
	}

	List<LedgerEntry> ofOrder(UUID orderId) {
		return jdbc.sql("select * from gateway_ledger where order_id = :orderId order by recorded_at, idempotency_key")
			.param("orderId", orderId)
			.query(GatewayLedger::entry)
			.list();
	}

	List<LedgerEntry> recent(int limit) {
		return jdbc.sql("select * from gateway_ledger order by recorded_at desc, idempotency_key limit :limit")
			.param("limit", limit)
			.query(GatewayLedger::entry)
			.list();
	}

	private static LedgerEntry entry(ResultSet row, int number) throws SQLException {
		return new LedgerEntry(row.getString("idempotency_key"), row.getObject("order_id", UUID.class),
				GatewayOperation.valueOf(row.getString("operation")), row.getObject("amount", BigDecimal.class),
				LedgerEntry.Outcome.valueOf(row.getString("outcome")), row.getString("decline_reason"),
				row.getTimestamp("recorded_at").toInstant());
	}

}
