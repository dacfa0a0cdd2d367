package com.example.food.sagaview;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page itself is static (src/main/resources/static/saga-view/); this only serves its
 * index.html at {@code /saga-view/}, as the root's index.html is served at {@code /}.
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
