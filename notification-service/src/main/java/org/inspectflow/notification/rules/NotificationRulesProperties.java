package org.inspectflow.notification.rules;

import java.util.List;
import java.util.Set;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.rules.domain.Audience;
import org.inspectflow.notification.rules.domain.NotificationRule;
import org.inspectflow.notification.rules.domain.NotificationRules;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inspectflow.notification.rules}: who is told what, on which channels (see application.yml for the defaults).
 * A rule that does not make sense (no channels, ADDRESSED on an event) stops the start with the reason.
 *
 * @param rules each: {@code event} (message type), {@code audience} (ENTERPRISE, ASSIGNED_OFFICERS,
 * CITY_SUPERVISORS, ADDRESSED), {@code channels} (IN_APP, EMAIL, SMS, WEBHOOK), optionally {@code addressed-as}
 * (for commands: only when they address this recipient type) and {@code template}
 */
@ConfigurationProperties("inspectflow.notification")
record NotificationRulesProperties(List<Rule> rules) {

	NotificationRulesProperties {
		rules = rules == null ? List.of() : List.copyOf(rules);
	}

	NotificationRules toRules() {
		return new NotificationRules(this.rules.stream()
			.map((rule) -> new NotificationRule(rule.event(), rule.addressedAs(), rule.audience(), rule.channels(),
					rule.template()))
			.toList());
	}

	record Rule(String event, RecipientType addressedAs, Audience audience, Set<NotificationChannel> channels,
			String template) {

	}

}
