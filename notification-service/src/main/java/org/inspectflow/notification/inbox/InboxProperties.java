package org.inspectflow.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inspectflow.notification.inbox}: the live stream.
 *
 * @param streamTimeout how long one stream stays open: about a token's lifetime, so that a stream opened with a
 * token does not outlive it by much; the browser's EventSource reconnects by itself (through the gateway, with a
 * fresh token)
 * @param heartbeat how often an idle stream gets a comment, so that proxies do not close it
 * @param maxStreamsPerUser open streams one user may hold (tabs, devices); the oldest is closed beyond it
 */
@ConfigurationProperties("inspectflow.notification.inbox")
record InboxProperties(@DefaultValue("5m") Duration streamTimeout, @DefaultValue("25s") Duration heartbeat,
		@DefaultValue("5") int maxStreamsPerUser) {

}
