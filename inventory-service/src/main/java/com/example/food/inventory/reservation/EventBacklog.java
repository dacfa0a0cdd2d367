package com.example.food.inventory.reservation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import com.example.food.infrastructure.observability.OutageLog;

/**
 * Whether events still wait for this service: the messages ready in its queue, as the
 * broker counts them (a passive declare). {@link ReservationExpiry} asks before each run:
 * a ticket.accepted in the queue is a meal being made, and the stock of its reservation
 * must not be given back before it is handled, however long the service was down.
 */
class EventBacklog {

	private static final Logger log = LoggerFactory.getLogger(EventBacklog.class);

	private final AmqpAdmin broker;

	private final String queue;

	private final OutageLog outage;

	EventBacklog(AmqpAdmin broker, String queue) {
		this.broker = broker;
		this.queue = queue;
		this.outage = new OutageLog(log, "Reservation expiry",
				"cannot ask the broker what waits in " + queue + " ({}); no reservation expires until it answers",
				"the broker answers again; reservations expire again");
	}

	/**
	 * True if no event waits in the queue. False, with a line in the log, if some do, or
	 * if the broker cannot say: not knowing what waits is treated like a backlog.
	 */
	boolean isDrained() {
		QueueInformation info;
		try {
			info = broker.getQueueInfo(queue);
		}
		catch (AmqpException ex) {
			outage.during(ex);
			return false;
		}
		if (info == null) {
			outage.during(new IllegalStateException("the queue does not exist"));
			return false;
		}
		outage.over();
		if (info.getMessageCount() > 0) {
			log.info("Reservation expiry held back: messages waiting in {}: {}; a ticket.accepted among them may be "
					+ "the meal of a reservation that is due", queue, info.getMessageCount());
			return false;
		}
		return true;
	}

}
