package com.example.food.sagaview;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The five services as the admin proxy reaches them ({@code food.services.*} in
 * order-service's application.yml, from FOOD_ORDER_URL ... FOOD_DELIVERY_URL). A fixed
 * set: the proxy calls these base URLs and no other, whatever a request says.
 *
 * @param connectTimeout how long to wait for a connection before a service counts as
 * unreachable
 * @param readTimeout how long to wait for its answer
 */
@ConfigurationProperties("food.services")
record Services(Endpoint order, Endpoint inventory, Endpoint payment, Endpoint kitchen, Endpoint delivery,
		@DefaultValue("500ms") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {

	record Endpoint(URI url) {

	}

	/** The names the timeline uses too, in the order the saga meets them. */
	Map<String, URI> byName() {
		Map<String, URI> services = new LinkedHashMap<>();
		services.put("order", order.url());
		services.put("inventory", inventory.url());
		services.put("payment", payment.url());
		services.put("kitchen", kitchen.url());
		services.put("delivery", delivery.url());
		return services;
	}

	Set<String> names() {
		return byName().keySet();
	}

	URI url(String service) {
		URI url = byName().get(service);
		if (url == null) {
			throw new UnknownService(service, names());
		}
		return url;
	}
}
