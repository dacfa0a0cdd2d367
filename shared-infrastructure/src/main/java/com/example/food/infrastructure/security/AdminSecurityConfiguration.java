package com.example.food.infrastructure.security;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The same rule on every service: the public API, its OpenAPI document and health/info
 * are open; {@code /admin/**} and the rest of actuator need HTTP Basic with the admin
 * login. Stateless (no session, no CSRF token): every request carries its credentials, as
 * an API client's would.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class AdminSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);

	public static final String ADMIN_ROLE = "ADMIN";

	@Bean
	SecurityFilterChain adminSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						// The API's documentation is as public as the API it documents.
						.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
						.permitAll()
						.requestMatchers("/admin/**", "/actuator/**")
						.hasRole(ADMIN_ROLE)
						.anyRequest()
						.permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	UserDetailsService adminUser(AdminProperties admin) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String password = admin.password();
		if (password.isBlank()) {
			password = UUID.randomUUID().toString();
			log.warn("FOOD_ADMIN_PASSWORD is not set; the admin password for this run is: {}", password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(admin.user()).password(encoder.encode(password)).roles(ADMIN_ROLE).build());
	}

}
