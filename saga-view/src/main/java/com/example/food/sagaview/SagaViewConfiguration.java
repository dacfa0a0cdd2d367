package com.example.food.sagaview;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything the saga view adds to the service that imports it, in one place: its two
 * controllers, the calls to the other services behind them, and their settings
 * ({@code food.services.*}). They are listed here rather than found by a component scan,
 * which does not reach this package from the service's own.
 * <p>
 * The page itself is static (src/main/resources/static/saga-view/, served from this jar
 * like any {@code classpath:/static/}); this only serves its index.html at
 * {@code /saga-view/}, as a service's root index.html is served at {@code /}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Services.class)
@Import({ SagaViewController.class, SystemAdminController.class, ServiceCalls.class, OrderParticipants.class,
		SystemDeadLetters.class })
public class SagaViewConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/saga-view", "/saga-view/");
		registry.addViewController("/saga-view/").setViewName("forward:/saga-view/index.html");
	}

}
