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
 * @param secretKey the key that seals subscriptions' secrets at rest (32 random bytes in base64,
 * {@code INSPECTFLOW_WEBHOOK_SECRET_KEY}); see {@link WebhookSecrets}
 */
@ConfigurationProperties("inspectflow.notification.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("14") int maxAttempts,
		@DefaultValue("1m") Duration initialBackoff, @DefaultValue("2") double multiplier,
		@DefaultValue("4h") Duration maxBackoff, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("20") int maxSubscriptionsPerClient,
		String secretKey) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff);
	}

	/** Without the key: settings end up in logs and failure messages. */
	@Override
	public String toString() {
		return "WebhookProperties[allowPrivateTargets=" + this.allowPrivateTargets + ", maxAttempts=" + this.maxAttempts
				+ ", initialBackoff=" + this.initialBackoff + ", multiplier=" + this.multiplier + ", maxBackoff="
				+ this.maxBackoff + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
				+ ", maxSubscriptionsPerClient=" + this.maxSubscriptionsPerClient + ", secretKey=(hidden)]";
	}

}
