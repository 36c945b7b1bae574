package org.inspectflow.notification.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.Channel;
import org.inspectflow.notification.delivery.ChannelFailure;
import org.inspectflow.notification.delivery.Delivery;
import org.inspectflow.notification.delivery.domain.RetryPolicy;
import org.inspectflow.notification.webhooks.domain.WebhookSignature;
import org.inspectflow.notification.webhooks.domain.WebhookTargets;

import org.springframework.stereotype.Component;

/**
 * Webhook deliveries: the event's JSON posted to the subscription's URL, signed anew at each attempt (so the
 * receiver's replay window holds for retries too). Any 2xx is delivered; anything else, or no answer, is tried again
 * with exponential backoff for about a day ({@link WebhookProperties}), then the delivery is dead. Redirects are not
 * followed, and the target is checked again before each attempt, because DNS may now point elsewhere.
 */
@Component
class WebhookChannel implements Channel {

	static final String EVENT_ID_HEADER = "X-InspectFlow-Event-Id";

	private final WebhookSubscriptions subscriptions;

	private final WebhookProperties properties;

	private final WebhookTargets targets;

	private final WebhookSecrets secrets;

	private final Clock clock;

	private final HttpClient http;

	WebhookChannel(WebhookSubscriptions subscriptions, WebhookProperties properties, WebhookSecrets secrets,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.secrets = secrets;
		this.targets = new WebhookTargets(InetAddress::getAllByName, properties.allowPrivateTargets());
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.connectTimeout())
			.build();
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.WEBHOOK;
	}

	@Override
	public RetryPolicy retryPolicy(RetryPolicy standard) {
		return this.properties.retryPolicy();
	}

	@Override
	public void send(Delivery delivery) throws ChannelFailure {
		WebhookSubscription subscription = this.subscriptions.find(delivery.recipient().id())
			.orElseThrow(() -> ChannelFailure.permanent("the subscription was deleted"));
		Optional<String> refusal = this.targets.refusal(subscription.url());
		if (refusal.isPresent()) {
			throw ChannelFailure.permanent(refusal.get());
		}
		if (subscription.secret() == null) {
			throw ChannelFailure.permanent("the subscription has no secret to sign with");
		}
		String secret;
		try {
			secret = this.secrets.open(subscription.id(), subscription.secret());
		}
		catch (WebhookSecrets.UnreadableSecretException ex) {
			// a configuration error (the wrong key): retried, so that the delivery goes out once the key is right
			throw new ChannelFailure(ex.getMessage(), false, ex);
		}
		String body = delivery.body();
		HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
			.timeout(this.properties.readTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "InspectFlow-Webhooks/1")
			.header(WebhookSignature.HEADER, WebhookSignature.header(secret, this.clock.instant(), body))
			.header(EVENT_ID_HEADER, delivery.eventId())
			.header("X-InspectFlow-Event-Type", delivery.template())
			.header("X-InspectFlow-Delivery-Id", delivery.notificationId())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		int status;
		try {
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new ChannelFailure("the receiver could not be reached: " + ex, false, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ChannelFailure("interrupted while delivering", false, ex);
		}
		if (status < 200 || status > 299) {
			throw new ChannelFailure("the receiver answered " + status, false, null);
		}
	}

}
