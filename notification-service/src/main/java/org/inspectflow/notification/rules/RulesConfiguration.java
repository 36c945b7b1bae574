package org.inspectflow.notification.rules;

import org.inspectflow.notification.rules.domain.NotificationRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured rules as the domain uses them, checked once at start. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	NotificationRules notificationRules(NotificationRulesProperties properties) {
		NotificationRules rules = properties.toRules();
		if (rules.all().isEmpty()) {
			throw new IllegalStateException(
					"inspectflow.notification.rules is empty: nobody would ever be told anything");
		}
		return rules;
	}

}
