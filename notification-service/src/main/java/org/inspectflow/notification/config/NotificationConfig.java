package org.inspectflow.notification.config;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.inspectflow.notification.delivery.DeliveryLog;
import org.inspectflow.notification.inbox.InboxEntries;
import org.inspectflow.notification.recipients.DirectorySeed;
import org.inspectflow.notification.recipients.RecipientDirectory;
import org.inspectflow.notification.webhooks.WebhookSubscriptions;
import org.inspectflow.support.security.EndpointAuthorizationRules;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Which role may call which endpoint (whose data is checked next to the data, in {@code InboxController}), the clock,
 * the schedulers (delivery retries, stream heartbeats), and what must exist before the service takes work: its
 * indexes (the unique index that makes each delivery happen once above all), webhook secrets sealed with the
 * configured key (a wrong key stops the start, with the reason) and the demo directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfig {

	static final String[] PRODUCT_USERS = { "officer", "supervisor", "enterprise", "admin" };

	@Bean
	EndpointAuthorizationRules notificationEndpointRules() {
		return (requests) -> requests
			// a stream's later dispatches (completion, timeout) belong to a request that was authorized when it opened
			.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
			// the in-app inbox: people, not integrators (they have webhooks); each sees only its own entries
			.requestMatchers("/inbox/**", "/inbox").hasAnyRole(PRODUCT_USERS)
			// webhook subscriptions: integrators (client credentials); each manages only its own (by azp)
			.requestMatchers("/webhooks/**", "/webhooks").hasRole("integrator");
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Runs after the beans are made and before the listener containers start (they start with the context's
	 * lifecycle): no message is handled before the unique index of the deliveries exists.
	 */
	@Bean
	SmartInitializingSingleton notificationStartup(DeliveryLog deliveries, InboxEntries inbox,
			RecipientDirectory directory, DirectorySeed seed, WebhookSubscriptions webhooks) {
		return () -> {
			deliveries.ensureIndexes();
			inbox.ensureIndexes();
			directory.ensureIndexes();
			webhooks.ensureIndexes();
			webhooks.secureSecrets();
			seed.seedIfEmpty();
		};
	}

}
