package com.example.food.infrastructure.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the workspace's addresses ahead of every other property source of the test
 * context.
 */
class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		TestWorkspace workspace = TestInfrastructure
			.workspace(environment.getProperty("spring.application.name", "tests"));
		Map<String, Object> properties = new HashMap<>(workspace.springProperties());
		environment.getPropertySources().addFirst(new MapPropertySource("food-test-infrastructure", properties));
	}

}
