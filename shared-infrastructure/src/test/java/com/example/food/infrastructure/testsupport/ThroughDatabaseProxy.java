package com.example.food.infrastructure.testsupport;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a {@link TcpProxy} between the application under test and its PostgreSQL, so that
 * the test can make the database unreachable for real ({@code cut()}) without touching a
 * server others use. The proxy is a bean named {@code databaseProxy}. Use it instead of
 * {@link WithRealInfrastructure} (it does the same, then puts itself in the way):
 *
 * <pre>
 * &#64;SpringBootTest(...)
 * &#64;ContextConfiguration(initializers = ThroughDatabaseProxy.class)
 * ...
 * &#64;Autowired TcpProxy databaseProxy;
 * </pre>
 */
public class ThroughDatabaseProxy extends RealInfrastructureInitializer {

	private static final Pattern ADDRESS = Pattern.compile("(jdbc:postgresql://)([^:/]+):(\\d+)(/.*)");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		super.initialize(context);
		var environment = context.getEnvironment();
		String url = environment.getRequiredProperty("spring.datasource.url");
		Matcher address = ADDRESS.matcher(url);
		if (!address.matches()) {
			throw new IllegalStateException("Not a PostgreSQL URL with host and port: " + url);
		}
		TcpProxy proxy = TcpProxy.to("the database", address.group(2), Integer.parseInt(address.group(3)));
		String proxied = address.group(1) + "127.0.0.1:" + proxy.port() + address.group(4);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("food-test-database-proxy", Map.of("spring.datasource.url", proxied)));
		context.getBeanFactory().registerSingleton("databaseProxy", proxy);
	}

}
