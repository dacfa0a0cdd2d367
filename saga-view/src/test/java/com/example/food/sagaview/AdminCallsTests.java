package com.example.food.sagaview;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin proxy's allow-list, without a server: what it lets through, and where to. */
class AdminCallsTests {

	@Test
	void mapsAnAllowedCallToTheServicesOwnAdminPath() {
		AdminCalls.Target target = AdminCalls.resolve("kitchen", HttpMethod.PUT, "/kitchen/unavailable-skus/LASAGNA");

		assertThat(target.path()).isEqualTo("/admin/kitchen/unavailable-skus/{sku}");
		assertThat(target.variables()).isEqualTo(Map.of("sku", "LASAGNA"));
	}

	@Test
	void allowsTheHandlerFailureSwitchOnEveryService() {
		for (String service : new String[] { "order", "inventory", "payment", "kitchen", "delivery" }) {
			assertThat(AdminCalls.resolve(service, HttpMethod.PUT, "/handler-failures").path())
				.isEqualTo("/admin/handler-failures");
		}
	}

	@Test
	void refusesASwitchOfOneServiceAtAnother() {
		assertThatThrownBy(() -> AdminCalls.resolve("payment", HttpMethod.POST, "/couriers/empty"))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(() -> AdminCalls.resolve("delivery", HttpMethod.GET, "/kitchen/unavailable-skus"))
			.isInstanceOf(AdminCallNotAllowed.class);
	}

	@Test
	void refusesAnotherMethodOnAnAllowedPath() {
		assertThatThrownBy(() -> AdminCalls.resolve("delivery", HttpMethod.DELETE, "/couriers/empty"))
			.isInstanceOf(AdminCallNotAllowed.class);
	}

	@Test
	void refusesPathsOffTheList() {
		assertThatThrownBy(() -> AdminCalls.resolve("inventory", HttpMethod.PUT, "/failures"))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(() -> AdminCalls.resolve("kitchen", HttpMethod.PUT, "/kitchen/unavailable-skus/A/B"))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(() -> AdminCalls.resolve("order", HttpMethod.GET, "/dead-letters"))
			.isInstanceOf(AdminCallNotAllowed.class);
	}

	@Test
	void refusesVariablesThatAreNotPlainNames() {
		assertThatThrownBy(() -> AdminCalls.resolve("kitchen", HttpMethod.PUT, "/kitchen/unavailable-skus/a?b=c"))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(
				() -> AdminCalls.resolve("kitchen", HttpMethod.PUT, "/kitchen/unavailable-skus/" + "X".repeat(65)))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(() -> AdminCalls.resolve("order", HttpMethod.GET, "/dead-letters/..%2F..%2Factuator"))
			.isInstanceOf(AdminCallNotAllowed.class);
		assertThatThrownBy(() -> AdminCalls.resolve("order", HttpMethod.GET, "/dead-letters/.."))
			.isInstanceOf(AdminCallNotAllowed.class);
	}

}
