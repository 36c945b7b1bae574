package org.inspectflow.notification.delivery;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.domain.RetryPolicy;

/**
 * A way to reach people: the in-app inbox, email, and (next) SMS and webhooks. The dispatcher claims each delivery
 * before it calls {@link #send} and records the outcome after, so a channel only sends; a channel with no
 * implementation here is skipped, with a warning at start.
 */
public interface Channel {

	NotificationChannel channel();

	/**
	 * Sends one notification; returns when the channel accepted it.
	 * @throws ChannelFailure when it did not; {@link ChannelFailure#permanent()} when retrying cannot help
	 */
	void send(Delivery delivery) throws ChannelFailure;

	/**
	 * When this channel's failed deliveries are tried again; the service's policy unless the channel promises
	 * otherwise (webhooks are retried for about a day).
	 */
	default RetryPolicy retryPolicy(RetryPolicy standard) {
		return standard;
	}

}
