package com.example.food.infrastructure.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.food.infrastructure.testapp.InfrastructureTestApplication;
import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.WithRealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = InfrastructureTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { InfrastructureTestApplication.DEFAULTS, InfrastructureTestApplication.NAME })
@WithRealInfrastructure
class AdminSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void refusesAdminRequestsWithoutCredentials() {
		assertThat(HttpTestClient.on(port).get("/admin/probe").status()).isEqualTo(401);
	}

	@Test
	void refusesAdminRequestsWithWrongCredentials() {
		assertThat(HttpTestClient.on(port).as("test-admin", "wrong").get("/admin/probe").status()).isEqualTo(401);
	}

	@Test
	void acceptsAdminRequestsWithTheConfiguredCredentials() {
		assertThat(HttpTestClient.on(port).asAdmin().get("/admin/probe").status()).isEqualTo(200);
	}

	@Test
	void leavesHealthAndInfoOpenAndTheRestOfActuatorClosed() {
		HttpTestClient anonymous = HttpTestClient.on(port);

		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator").status()).isEqualTo(401);
	}

	@Test
	void leavesThePublicApiOpen() {
		assertThat(HttpTestClient.on(port).postJson("/probe", """
				{"name": "x", "items": [{"sku": "A", "quantity": 1}]}""").status()).isEqualTo(200);
	}

}
