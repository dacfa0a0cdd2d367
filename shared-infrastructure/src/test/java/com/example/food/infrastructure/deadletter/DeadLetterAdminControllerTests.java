package com.example.food.infrastructure.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.food.infrastructure.deadletter.DeadLetterAdminController.Details;

import static org.assertj.core.api.Assertions.assertThat;

/** A body is shown as text when it is text, else as base64, and says which. */
class DeadLetterAdminControllerTests {

	@Test
	void showsAUtf8BodyAsText() {
		Details details = Details.of(letterWithBody("{\"café\": 1}".getBytes(StandardCharsets.UTF_8)));

		assertThat(details.body()).isEqualTo("{\"café\": 1}");
		assertThat(details.bodyEncoding()).isEqualTo("utf-8");
	}

	@Test
	void showsABodyWithANulByteAsBase64() {
		Details details = Details.of(letterWithBody(new byte[] { 'a', 0 }));

		assertThat(details.body()).isEqualTo("YQA=");
		assertThat(details.bodyEncoding()).isEqualTo("base64");
	}

	@Test
	void showsABodyThatIsNotUtf8AsBase64() {
		Details details = Details.of(letterWithBody(new byte[] { (byte) 0xC3, (byte) 0x28 }));

		assertThat(details.body()).isEqualTo("wyg=");
		assertThat(details.bodyEncoding()).isEqualTo("base64");
	}

	private static DeadLetter letterWithBody(byte[] body) {
		return new DeadLetter(UUID.randomUUID(), "e-1", "order.placed", "POISON", null, 1, body, "application/json",
				Map.of(), Instant.now());
	}

}
