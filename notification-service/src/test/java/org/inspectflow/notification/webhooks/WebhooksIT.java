package org.inspectflow.notification.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.notification.Samples;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.notification.webhooks.domain.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Webhooks against a receiver (WireMock, on loopback: private targets allowed here, refused in
 * {@code WebhookTargetsIT}) with the MongoDB-wire server: a subscription gets each matching event once, signed so
 * that the README's procedure verifies it, while the stored subscription holds its secret only sealed; a failing
 * receiver is retried with growing delays (the retry round driven by hand); another integrator neither sees nor
 * deletes the subscription; a secret sealed with another key stops the start and fails its deliveries with the reason;
 * a plain-text secret of an earlier version is sealed and still signs.
 */
@SpringBootTest(properties = { "inspectflow.notification.listeners.auto-startup=false",
		"inspectflow.notification.delivery.retry-interval=1h", "inspectflow.notification.webhooks.allow-private-targets=true",
		"inspectflow.notification.webhooks.initial-backoff=300ms", "inspectflow.notification.webhooks.multiplier=2" })
@AutoConfigureMockMvc
@DirtiesContext
class WebhooksIT {

	private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

	static {
		RECEIVER.start();
	}

	@DynamicPropertySource
	static void noSmtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> 1);
		registry.add("inspectflow.notification.sms.base-url", () -> "http://127.0.0.1:1");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	WebhookDispatcher webhooks;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@Autowired
	WebhookSubscriptions subscriptions;

	@BeforeEach
	void reset() {
		RECEIVER.resetAll();
	}

	@AfterAll
	static void stop() {
		RECEIVER.stop();
	}

	@Test
	void aMatchingEventIsDeliveredOnceSignedSoThatTheReceiverVerifiesIt() throws Exception {
		RECEIVER.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
		JsonNode created = subscribe("integrator-a", RECEIVER.baseUrl() + "/hook", List.of("workflow.CaseClosed.v1"));
		String secret = created.get("secret").asText();
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

		ObjectNode event = event(CaseClosed.TYPE);
		this.webhooks.handle(Samples.envelope(event));
		this.webhooks.handle(Samples.envelope(event)); // redelivered
		this.webhooks.handle(Samples.envelope(event(
				org.inspectflow.contracts.events.RectificationOrdered.TYPE))); // not in the filter

		org.bson.Document stored = this.mongo.findById(created.get("id").asText(), org.bson.Document.class,
				"webhook_subscriptions");
		assertThat(stored.toJson()).as("the stored subscription").doesNotContain(secret).doesNotContain("whsec_");
		assertThat(stored.get("sealedSecret", org.bson.Document.class).getString("algorithm")).isEqualTo("AES-256-GCM");
		assertThat(stored.containsKey("secret")).isFalse();

		RECEIVER.verify(1, postRequestedFor(urlEqualTo("/hook")));
		LoggedRequest request = RECEIVER.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
		String body = request.getBodyAsString();
		String signature = request.getHeader(WebhookSignature.HEADER);
		assertThat(request.getHeader("X-InspectFlow-Event-Id")).isEqualTo(event.get("id").asText());
		assertThat(this.json.readTree(body).get("type").asText()).isEqualTo(CaseClosed.TYPE);
		assertThat(WebhookSignature.verify(secret, signature, body, Instant.now(), WebhookSignature.REPLAY_WINDOW))
			.isTrue();
		assertThat(WebhookSignature.verify(secret, signature, body.replace("CASE", "CASX"), Instant.now(),
				WebhookSignature.REPLAY_WINDOW))
			.as("tampered body")
			.isFalse();
		assertThat(WebhookSignature.verify(secret, signature, body, Instant.now().plus(Duration.ofMinutes(6)),
				WebhookSignature.REPLAY_WINDOW))
			.as("replayed after the window")
			.isFalse();

		JsonNode log = this.json.readTree(this.mvc
			.perform(get("/webhooks/" + created.get("id").asText() + "/deliveries").with(integrator("integrator-a")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
		org.bson.Document delivery = this.mongo.findOne(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId")
				.is(event.get("id").asText())
				.and("channel")
				.is("WEBHOOK")), org.bson.Document.class, "deliveries");
		assertThat(delivery.getString("recipientType")).as("reported on the bus as an integrator's delivery")
			.isEqualTo("INTEGRATOR");
	}

	@Test
	void aFailingReceiverIsRetriedAfterEachFailure() throws Exception {
		RECEIVER.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
		JsonNode created = subscribe("integrator-a", RECEIVER.baseUrl() + "/down", List.of("workflow.*"));
		this.webhooks.handle(Samples.envelope(event(CaseClosed.TYPE)));

		// each retry is made due by hand, so nothing here waits for a backoff to pass; the delays themselves are the
		// policy's (RetryPolicyTest), this test only shows the webhook channel plans one after each failure
		org.springframework.data.mongodb.core.query.Query webhookDelivery = org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("channel").is("WEBHOOK").and("party")
				.is("integrator-a").and("status").is("FAILED"));
		for (int attempt = 1; attempt <= 3; attempt++) {
			int expected = attempt;
			await().atMost(Duration.ofSeconds(20))
				.until(() -> RECEIVER.findAll(postRequestedFor(urlEqualTo("/down"))).size() >= expected
						&& this.mongo.findOne(webhookDelivery, org.bson.Document.class, "deliveries") != null);
			org.bson.Document failed = this.mongo.findOne(webhookDelivery, org.bson.Document.class, "deliveries");
			assertThat(failed.getInteger("attempts")).isEqualTo(attempt);
			assertThat(failed.getBoolean("permanent")).isFalse();
			assertThat(failed.getDate("nextAttemptAt")).as("a retry planned after failure %d", attempt).isNotNull();
			this.mongo.updateFirst(webhookDelivery,
					new org.springframework.data.mongodb.core.query.Update().set("nextAttemptAt", new java.util.Date(0)),
					"deliveries");
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
				this.dispatcher.retryDue();
				return RECEIVER.findAll(postRequestedFor(urlEqualTo("/down"))).size() >= expected + 1;
			});
		}
		assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo("/down")))).hasSize(4);

		JsonNode log = this.json.readTree(this.mvc
			.perform(get("/webhooks/" + created.get("id").asText() + "/deliveries").with(integrator("integrator-a")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(log.get(0).get("status").asText()).isIn("FAILED", "SENDING");
		assertThat(log.get(0).get("lastError").asText()).contains("500");
		this.mvc.perform(delete("/webhooks/" + created.get("id").asText()).with(integrator("integrator-a")));
	}

	@Test
	void anotherIntegratorNeitherSeesNorDeletesTheSubscription() throws Exception {
		JsonNode created = subscribe("integrator-a", RECEIVER.baseUrl() + "/mine", List.of());
		String id = created.get("id").asText();

		String others = this.mvc.perform(get("/webhooks").with(integrator("integrator-b")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(others).doesNotContain(id);
		assertThat(this.mvc.perform(get("/webhooks/" + id).with(integrator("integrator-b")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		var refused = this.mvc.perform(delete("/webhooks/" + id).with(integrator("integrator-b"))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		String mine = this.mvc.perform(get("/webhooks").with(integrator("integrator-a")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains(id).doesNotContain("secret");
		assertThat(this.mvc.perform(get("/webhooks").with(jwt().jwt((j) -> j.claim("azp", "portal"))
			.authorities(new SimpleGrantedAuthority("ROLE_officer")))).andReturn().getResponse().getStatus())
			.as("people are not integrators")
			.isEqualTo(403);
		assertThat(this.mvc.perform(delete("/webhooks/" + id).with(integrator("integrator-a")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
	}

	@Test
	void aSecretSealedWithAnotherKeyStopsTheStartAndFailsItsDeliveriesSayingWhy() throws Exception {
		RECEIVER.stubFor(post(urlEqualTo("/foreign")).willReturn(aResponse().withStatus(204)));
		String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
		WebhookSecrets.SealedSecret foreign = WebhookSecrets.withKey(otherKey).seal("whsec_sealed-by-another-key");
		String id = "WH-" + UUID.randomUUID();
		this.mongo.insert(new org.bson.Document("_id", id).append("owner", "integrator-c")
			.append("url", RECEIVER.baseUrl() + "/foreign")
			.append("eventTypes", List.of(CaseClosed.TYPE))
			.append("sealedSecret", new org.bson.Document("algorithm", foreign.algorithm())
				.append("keyId", foreign.keyId())
				.append("value", foreign.value()))
			.append("createdAt", new java.util.Date()), "webhook_subscriptions");
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(this.subscriptions::secureSecrets)
				.as("what the start does with it")
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(id)
				.hasMessageContaining(foreign.keyId())
				.hasMessageContaining("INSPECTFLOW_WEBHOOK_SECRET_KEY");

			ObjectNode event = event(CaseClosed.TYPE);
			this.webhooks.handle(Samples.envelope(event));
			RECEIVER.verify(0, postRequestedFor(urlEqualTo("/foreign")));
			org.bson.Document delivery = this.mongo.findOne(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId")
					.is(event.get("id").asText())
					.and("recipientId")
					.is(id)), org.bson.Document.class, "deliveries");
			assertThat(delivery.getString("status")).isEqualTo("FAILED");
			assertThat(delivery.getBoolean("permanent")).as("retried once the key is right").isFalse();
			assertThat(delivery.getString("lastError")).contains("sealed with key " + foreign.keyId())
				.contains("INSPECTFLOW_WEBHOOK_SECRET_KEY");
		}
		finally {
			this.mongo.remove(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "webhook_subscriptions");
		}
	}

	@Test
	void aSecretAnEarlierVersionStoredInPlainTextIsSealedAtStartAndStillSigns() throws Exception {
		RECEIVER.stubFor(post(urlEqualTo("/legacy")).willReturn(aResponse().withStatus(204)));
		String secret = "legacy-plain-secret-" + UUID.randomUUID();
		String id = "WH-" + UUID.randomUUID();
		this.mongo.insert(new org.bson.Document("_id", id).append("owner", "integrator-c")
			.append("url", RECEIVER.baseUrl() + "/legacy")
			.append("eventTypes", List.of(CaseClosed.TYPE))
			.append("secret", secret)
			.append("createdAt", new java.util.Date()), "webhook_subscriptions");
		try {
			this.subscriptions.secureSecrets();
			org.bson.Document stored = this.mongo.findById(id, org.bson.Document.class, "webhook_subscriptions");
			assertThat(stored.toJson()).doesNotContain(secret);
			assertThat(stored.containsKey("secret")).isFalse();
			assertThat(stored.get("sealedSecret", org.bson.Document.class).getString("keyId")).isNotBlank();

			this.webhooks.handle(Samples.envelope(event(CaseClosed.TYPE)));
			RECEIVER.verify(1, postRequestedFor(urlEqualTo("/legacy")));
			LoggedRequest request = RECEIVER.findAll(postRequestedFor(urlEqualTo("/legacy"))).get(0);
			assertThat(WebhookSignature.verify(secret, request.getHeader(WebhookSignature.HEADER),
					request.getBodyAsString(), Instant.now(), WebhookSignature.REPLAY_WINDOW))
				.as("signed with the secret as the integrator knows it")
				.isTrue();
		}
		finally {
			this.mongo.remove(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "webhook_subscriptions");
		}
	}

	private JsonNode subscribe(String client, String url, List<String> types) throws Exception {
		var response = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks")
				.with(integrator(client))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(java.util.Map.of("url", url, "eventTypes", types))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString());
	}

	static RequestPostProcessor integrator(String client) {
		return jwt().jwt((token) -> token.claim("azp", client).subject("service-account-" + client))
			.authorities(new SimpleGrantedAuthority("ROLE_integrator"));
	}

	private static ObjectNode event(String type) {
		ObjectNode event = Samples.json(type);
		event.put("id", UUID.randomUUID().toString());
		event.put("subject", "CASE-2026-7" + String.format("%05d", (int) (Math.random() * 100_000)));
		return event;
	}

}
