package org.inspectflow.notification.webhooks;

import java.time.Duration;

import org.inspectflow.notification.delivery.domain.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.webhooks}. The default retries (1 min doubling to at most 4 h, 14 attempts) span
 * about 24 hours before a delivery is dead.
 *
 * @param allowPrivateTargets allow loopback, link-local and private targets (the local demo); never in production
 */
@ConfigurationProperties("inspectflow.notification.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("14") int maxAttempts,
		@DefaultValue("1m") Duration initialBackoff, @DefaultValue("2") double multiplier,
		@DefaultValue("4h") Duration maxBackoff, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("20") int maxSubscriptionsPerClient) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff);
	}

}
