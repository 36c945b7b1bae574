package org.inspectflow.notification.webhooks;

import java.time.Instant;
import java.util.List;

import org.inspectflow.notification.webhooks.WebhookSecrets.SealedSecret;
import org.inspectflow.notification.webhooks.domain.EventTypeFilter;

/**
 * An integrator's subscription: where to send which events, and the secret they are signed with (sealed: only
 * {@link WebhookSecrets} opens it, when a delivery is signed).
 *
 * @param owner the integrator's client id (the token's {@code azp}); only it sees and manages the subscription
 */
record WebhookSubscription(String id, String owner, String url, List<String> eventTypes, SealedSecret secret,
		Instant createdAt) {

	boolean wants(String type) {
		return new EventTypeFilter(this.eventTypes).matches(type);
	}

}
