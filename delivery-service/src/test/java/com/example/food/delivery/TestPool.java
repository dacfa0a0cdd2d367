package com.example.food.delivery;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * The courier pool and the deliveries, straight from the database: a test's way to start
 * from a known pool and to check what no API shows (who carried what, when).
 */
public final class TestPool {

	/** The couriers V1 seeds. */
	public static final int COURIERS = 3;

	private final JdbcClient jdbc;

	private TestPool(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static TestPool on(JdbcClient jdbc) {
		return new TestPool(jdbc);
	}

	/**
	 * Waits until every delivery an earlier test started is over (the pool is shared by
	 * all tests), then puts every courier on duty: each test starts with all couriers
	 * available.
	 */
	public void awaitIdleAndRefill() {
		await().atMost(Duration.ofSeconds(15)).until(() -> activeDeliveries() == 0);
		jdbc.sql("update courier set on_duty = true").update();
	}

	public int activeDeliveries() {
		return jdbc.sql("select count(*) from delivery where status in ('WAITING_FOR_COURIER', 'ASSIGNED')")
			.query(Integer.class)
			.single();
	}

	public int availableCouriers() {
		return jdbc.sql("select count(*) from courier where available").query(Integer.class).single();
	}

	public boolean isAvailable(String courierId) {
		return jdbc.sql("select available from courier where id = :id")
			.param("id", courierId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Sends a courier out on a delivery that is handed over only when
	 * {@link #handOverNow} says so: a courier who stays out as long as a test needs.
	 */
	public UUID sendOutUntilReleased(String courierId) {
		UUID deliveryId = UUID.randomUUID();
		jdbc.sql(
				"""
						insert into delivery (id, order_id, courier_id, status, delivery_street, delivery_city, delivery_postcode,
						                      attempts, created_at, updated_at, assigned_at, due_at, last_event_id)
						values (:id, :orderId, :courierId, 'ASSIGNED', '1 Main St', 'Springfield', '12345',
						        1, now(), now(), now(), now() + interval '1 hour', :cause)
						""")
			.param("id", deliveryId)
			.param("orderId", UUID.randomUUID())
			.param("courierId", courierId)
			.param("cause", UUID.randomUUID())
			.update();
		jdbc.sql("update courier set delivery_id = :deliveryId where id = :courierId")
			.param("deliveryId", deliveryId)
			.param("courierId", courierId)
			.update();
		return deliveryId;
	}

	/** Makes the hand-over of that delivery due at once; the poller then completes it. */
	public void handOverNow(UUID deliveryId) {
		jdbc.sql("update delivery set due_at = now() where id = :id").param("id", deliveryId).update();
	}

	public String statusOf(UUID deliveryId) {
		return jdbc.sql("select status from delivery where id = :id")
			.param("id", deliveryId)
			.query(String.class)
			.single();
	}

}
