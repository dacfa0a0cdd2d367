package com.example.food.infrastructure.testsupport;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.example.food.infrastructure.testsupport.TestInfrastructure.Mode;

/**
 * Puts the admin login of the services under test and, on the local servers, the
 * workspace's addresses ahead of every other property source of the test context. In
 * Testcontainers mode the addresses come from {@link Containers} instead.
 */
class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestWorkspace workspace = TestInfrastructure.workspace();
		var properties = new HashMap<String, Object>(TestInfrastructure.mode() == Mode.TESTCONTAINERS
				? workspace.adminLogin() : workspace.springProperties());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("food-test-infrastructure", properties));
	}

}
