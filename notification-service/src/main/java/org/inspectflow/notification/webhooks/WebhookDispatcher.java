package org.inspectflow.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.RecipientType;
import org.inspectflow.notification.delivery.Delivery;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientRole;

import org.springframework.stereotype.Component;

/**
 * Every event this service receives goes to each subscription whose filter it matches, once per (event,
 * subscription): the delivery log's unique (event, recipient, channel) claim, with the subscription as recipient and
 * channel {@code WEBHOOK}, holds under redelivery as it does for people. The body is the event's CloudEvents
 * envelope as JSON, fixed at the first attempt so that every retry sends the same bytes.
 */
@Component
public class WebhookDispatcher {

	private final WebhookSubscriptions subscriptions;

	private final NotificationDispatcher dispatcher;

	private final ObjectMapper json;

	WebhookDispatcher(WebhookSubscriptions subscriptions, NotificationDispatcher dispatcher, ObjectMapper json) {
		this.subscriptions = subscriptions;
		this.dispatcher = dispatcher;
		this.json = json;
	}

	/** Delivers the event to the subscriptions that want it; commands and this service's own events are not sent. */
	public void handle(Envelope<?> envelope) {
		if (envelope.type().startsWith("notification.")) {
			return;
		}
		String body = null;
		for (WebhookSubscription subscription : this.subscriptions.all()) {
			if (!subscription.wants(envelope.type())) {
				continue;
			}
			if (body == null) {
				body = body(envelope);
			}
			Recipient receiver = new Recipient(subscription.id(), subscription.owner(), RecipientRole.INTEGRATOR, null,
					null, null, null, null, null, Locale.ROOT);
			String key = envelope.id() + "|" + subscription.id() + "|" + NotificationChannel.WEBHOOK;
			String correlation = envelope.correlationid() != null ? envelope.correlationid() : envelope.id();
			this.dispatcher.deliver(new Delivery("WHD-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)),
					envelope.id(), correlation, envelope.subject(), RecipientType.INTEGRATOR, subscription.owner(),
					NotificationChannel.WEBHOOK, receiver, envelope.type(), envelope.type(), body, subscription.url(),
					1));
		}
	}

	private String body(Envelope<?> envelope) {
		try {
			return this.json.writeValueAsString(envelope);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("event " + envelope.id() + " cannot be written as JSON", ex);
		}
	}

}
