package com.example.food.infrastructure.testsupport;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a {@link TcpProxy} between the application under test and its PostgreSQL, so that
 * the test can make the database unreachable for real ({@code cut()}) without touching a
 * server others use. The proxy is a bean named {@code databaseProxy}. Use it instead of
 * {@link WithRealInfrastructure}: it points the context at the workspace (in both modes,
 * as properties), with the proxy in place of the database's address.
 *
 * <pre>
 * &#64;SpringBootTest(...)
 * &#64;ContextConfiguration(initializers = ThroughDatabaseProxy.class)
 * ...
 * &#64;Autowired TcpProxy databaseProxy;
 * </pre>
 */
public class ThroughDatabaseProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestWorkspace workspace = TestInfrastructure.workspace();
		Servers.Postgres postgres = workspace.servers().postgres();
		TcpProxy proxy = TcpProxy.to("the database", postgres.host(), postgres.port());
		var properties = new HashMap<String, Object>(workspace.springProperties());
		properties.put("spring.datasource.url",
				"jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + workspace.database());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("food-test-infrastructure", properties));
		context.getBeanFactory().registerSingleton("databaseProxy", proxy);
	}

}
