package com.example.food.delivery.courier;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does to the pool: the teaching switch for "no courier free". Emptying
 * it puts every courier off duty, so the next deliveries wait, retry and finally fail
 * with {@code delivery.failed}; refilling puts them back on duty.
 */
@Service
class CourierAdministration {

	private static final Logger log = LoggerFactory.getLogger(CourierAdministration.class);

	private final Couriers couriers;

	private final JdbcClient jdbc;

	CourierAdministration(Couriers couriers, JdbcClient jdbc) {
		this.couriers = couriers;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<CourierView> pool() {
		return jdbc.sql("""
				select c.id, c.name, c.available, c.on_duty, c.delivery_id, d.order_id
				from courier c left join delivery d on d.id = c.delivery_id
				order by c.id
				""").query(CourierView.class).list();
	}

	/** Every courier off duty: no delivery gets a courier until the pool is refilled. */
	@Transactional
	List<CourierView> empty() {
		int changed = couriers.setEveryoneOnDuty(false);
		log.info(
				"Courier pool emptied: {} courier(s) off duty; new deliveries wait for a courier and fail after their attempts",
				changed);
		return pool();
	}

	/**
	 * Every courier on duty again; one out on a delivery becomes available when back from
	 * it.
	 */
	@Transactional
	List<CourierView> refill() {
		int changed = couriers.setEveryoneOnDuty(true);
		log.info("Courier pool refilled: {} courier(s) on duty", changed);
		return pool();
	}

	/**
	 * A new courier joins the pool, on duty and free; hiring one who is already there is
	 * refused.
	 */
	@Transactional
	CourierView hire(String courierId, String name) {
		if (couriers.existsById(courierId)) {
			throw new CourierAlreadyHired(courierId);
		}
		couriers.saveAndFlush(new Courier(courierId, name));
		log.info("Courier {} ({}) hired: the pool has one more courier", courierId, name);
		return pool().stream().filter(view -> view.id().equals(courierId)).findFirst().orElseThrow();
	}

	/**
	 * One courier on or off duty. On duty while out on a delivery, the courier stays
	 * unavailable until back: being on duty does not make them free.
	 */
	@Transactional
	CourierView setOnDuty(String courierId, boolean onDuty) {
		Courier courier = couriers.lockById(courierId).orElseThrow(() -> new CourierNotFound(courierId));
		if (onDuty) {
			courier.goOnDuty();
		}
		else {
			courier.goOffDuty();
		}
		couriers.flush();
		log.info("Courier {} ({}) set {} duty", courierId, courier.name(), onDuty ? "on" : "off");
		return pool().stream().filter(view -> view.id().equals(courierId)).findFirst().orElseThrow();
	}

}
