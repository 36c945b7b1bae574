package org.inspectflow.notification.webhooks;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.notification.delivery.DeliveryLog;
import org.inspectflow.notification.delivery.DeliveryRecord;
import org.inspectflow.support.web.Problems;
import org.inspectflow.notification.webhooks.domain.WebhookTargets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions for integrators. Role: {@code integrator} (URL rule in {@code NotificationConfig}). Data
 * scope: the caller's own subscriptions, by the token's {@code azp} (the client id), never by a parameter; another
 * integrator's subscription answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookSubscriptions subscriptions;

	private final DeliveryLog deliveries;

	private final WebhookProperties properties;

	private final WebhookTargets targets;

	private final WebhookSecrets secrets;

	private final Clock clock;

	WebhookController(WebhookSubscriptions subscriptions, DeliveryLog deliveries, WebhookProperties properties,
			WebhookSecrets secrets, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.properties = properties;
		this.secrets = secrets;
		this.targets = new WebhookTargets(InetAddress::getAllByName, properties.allowPrivateTargets());
		this.clock = clock;
	}

	/**
	 * Subscribes; the answer is the only one that shows the secret (it is stored sealed). Only {@code url},
	 * {@code eventTypes} and {@code secret} are read from the body: the id, the owner (the token's client) and the time
	 * are the server's, whatever else a body says.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Created subscribe(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewSubscription request) {
		String owner = owner(jwt);
		String url = request.url().trim();
		this.targets.refusal(url).ifPresent((reason) -> {
			throw Problems.problem(HttpStatus.BAD_REQUEST, "Webhook target refused", reason);
		});
		if (this.subscriptions.count(owner) >= this.properties.maxSubscriptionsPerClient()) {
			throw Problems.problem(HttpStatus.CONFLICT, "Too many subscriptions", "a client may have at most "
					+ this.properties.maxSubscriptionsPerClient() + " subscriptions; delete one first");
		}
		String secret = request.secret() != null ? request.secret() : "whsec_" + HexFormat.of().formatHex(bytes(32));
		WebhookSubscription subscription = new WebhookSubscription("WH-" + UUID.randomUUID(), owner, url,
				request.eventTypes() == null ? List.of() : request.eventTypes(),
				this.secrets.seal(secret), Instant.now(this.clock));
		this.subscriptions.add(subscription);
		return new Created(subscription.id(), subscription.url(), subscription.eventTypes(), secret,
				subscription.createdAt());
	}

	@GetMapping
	List<View> list(@AuthenticationPrincipal Jwt jwt) {
		return this.subscriptions.of(owner(jwt)).stream().map(View::of).toList();
	}

	@GetMapping("/{id}")
	View get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return View.of(mine(jwt, id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		if (!this.subscriptions.remove(owner(jwt), id)) {
			throw Problems.notFound("you have no webhook subscription " + id);
		}
		return ResponseEntity.noContent().build();
	}

	/** The subscription's delivery log, newest first. */
	@GetMapping("/{id}/deliveries")
	List<DeliveryRecord> deliveries(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return this.deliveries.history(mine(jwt, id).id(), NotificationChannel.WEBHOOK, 100);
	}

	/** Sends a delivery again (delivered, failed or dead) on the next retry round; 202 with its state now. */
	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	ResponseEntity<DeliveryRecord> redeliver(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
			@PathVariable String deliveryId) {
		WebhookSubscription subscription = mine(jwt, id);
		DeliveryRecord record = this.deliveries.requeue(deliveryId, subscription.id(), NotificationChannel.WEBHOOK)
			.orElseThrow(() -> Problems.notFound("subscription " + id + " has no delivery " + deliveryId));
		return ResponseEntity.accepted().body(record);
	}

	private WebhookSubscription mine(Jwt jwt, String id) {
		return this.subscriptions.find(owner(jwt), id)
			.orElseThrow(() -> Problems.notFound("you have no webhook subscription " + id));
	}

	private static String owner(Jwt jwt) {
		String client = jwt.getClaimAsString("azp");
		if (client == null || client.isBlank()) {
			throw Problems.forbidden("your token names no client (azp): a subscription belongs to a client");
		}
		return client;
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/**
	 * @param eventTypes exact types ({@code workflow.CaseClosed.v1}), prefixes ending in {@code *}, or empty for all
	 * @param secret at least 16 characters, or none to have one made
	 */
	record NewSubscription(@NotBlank @Size(max = 2000) String url,
			@Size(max = 50) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9.*_-]{1,200}") String> eventTypes,
			@Size(min = 16, max = 200) String secret) {

	}

	record Created(String id, String url, List<String> eventTypes, String secret, Instant createdAt) {

	}

	record View(String id, String url, List<String> eventTypes, Instant createdAt) {

		static View of(WebhookSubscription subscription) {
			return new View(subscription.id(), subscription.url(), subscription.eventTypes(),
					subscription.createdAt());
		}

	}

}
