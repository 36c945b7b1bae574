package org.inspectflow.notification.delivery;

import java.time.Duration;

import org.inspectflow.notification.delivery.domain.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.delivery}: retries of failed deliveries.
 *
 * @param maxAttempts attempts per delivery before its failure is permanent
 * @param initialBackoff wait before the second attempt
 * @param multiplier growth of the wait after each attempt
 * @param maxBackoff the longest wait
 * @param retryInterval how often due retries are looked for
 * @param staleAfter a delivery claimed this long ago and never finished (the service died while sending) is taken
 * over; a notification may then go out twice on an outside channel, never zero times
 */
@ConfigurationProperties("inspectflow.notification.delivery")
record DeliveryProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("1m") Duration initialBackoff,
		@DefaultValue("4") double multiplier, @DefaultValue("2h") Duration maxBackoff,
		@DefaultValue("30s") Duration retryInterval, @DefaultValue("10m") Duration staleAfter) {

	RetryPolicy policy() {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff);
	}

}
