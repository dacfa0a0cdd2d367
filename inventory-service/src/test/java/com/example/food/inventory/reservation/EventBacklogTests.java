package com.example.food.inventory.reservation;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that cannot be asked is treated like a backlog: no reservation expires while
 * inventory cannot know what waits for it. The broker here is a port nothing listens on.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventBacklogTests {

	private CachingConnectionFactory nowhere;

	@BeforeEach
	void brokerThatDoesNotAnswer() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		nowhere = new CachingConnectionFactory("127.0.0.1", closedPort);
	}

	@AfterEach
	void close() {
		nowhere.destroy();
	}

	@Test
	void holdsBackEveryRunAndWarnsOnceWhileTheBrokerCannotBeAsked(CapturedOutput output) {
		EventBacklog backlog = new EventBacklog(new RabbitAdmin(nowhere), "inventory.events");

		boolean first = backlog.isDrained();
		boolean second = backlog.isDrained();

		assertThat(first).isFalse();
		assertThat(second).isFalse();
		assertThat(output.getAll())
			.containsOnlyOnce("Reservation expiry: cannot ask the broker what waits in inventory.events");
	}

}
