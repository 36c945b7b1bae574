package org.inspectflow.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.bson.Document;
import org.inspectflow.contracts.NotificationChannel;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.notification.delivery.Delivery;
import org.inspectflow.notification.delivery.DeliveryLog;
import org.inspectflow.notification.delivery.NotificationDispatcher;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientRole;
import org.inspectflow.notification.webhooks.WebhookDispatcher;
import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.SecurityMatrix;
import org.inspectflow.support.test.SecurityMatrix.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.inspectflow.support.test.SecurityMatrix.Who.ADMIN;
import static org.inspectflow.support.test.SecurityMatrix.Who.ANONYMOUS;
import static org.inspectflow.support.test.SecurityMatrix.Who.ENTERPRISE_A;
import static org.inspectflow.support.test.SecurityMatrix.Who.ENTERPRISE_B;
import static org.inspectflow.support.test.SecurityMatrix.Who.INTEGRATOR;
import static org.inspectflow.support.test.SecurityMatrix.Who.INTEGRATOR_B;
import static org.inspectflow.support.test.SecurityMatrix.Who.OFFICER_FUTIAN;
import static org.inspectflow.support.test.SecurityMatrix.Who.OFFICER_NANSHAN;
import static org.inspectflow.support.test.SecurityMatrix.Who.SUPERVISOR;

/**
 * The role × endpoint × owner matrix of notification-service against the real Keycloak (OWASP API Security Top 10):
 * every endpoint the service maps has a row, every caller gets the answer written there. The service's data belongs
 * to people (inbox entries, by user name) and to integrator clients (webhook subscriptions and their delivery logs, by
 * client id), so the owners here are enterprise A ↔ B, the Futian officer ↔ the Nanshan officer, and integrator A ↔ B;
 * the inbox is for people and the webhooks for integrators (BFLA), admins included: an admin has an inbox, not
 * another client's webhooks. Beside the matrix: forged tokens get 401, fields a caller must not set are ignored, and
 * a live stream and "read all" reach only the caller's own entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "inspectflow.security.clock-skew=0s", "inspectflow.notification.listeners.auto-startup=false",
				"inspectflow.notification.delivery.retry-interval=1h",
				// the matrix reads each stream to its end: streams end soon here
				"inspectflow.notification.inbox.stream-timeout=4s",
				"inspectflow.notification.webhooks.allow-private-targets=true", "spring.mail.host=127.0.0.1",
				"spring.mail.port=1", "inspectflow.notification.sms.base-url=http://127.0.0.1:1" })
@DirtiesContext
class SecurityMatrixIT {

	private static final Who[] PEOPLE = { OFFICER_FUTIAN, OFFICER_NANSHAN, SUPERVISOR, ENTERPRISE_A, ENTERPRISE_B,
			ADMIN };

	private static final Map<Who, String> USERNAMES = new EnumMap<>(Map.of(OFFICER_FUTIAN, "officer1",
			OFFICER_NANSHAN, "officer2", SUPERVISOR, "supervisor1", ENTERPRISE_A, "enterprise1", ENTERPRISE_B,
			"enterprise2", ADMIN, "admin1"));

	private static final Map<Who, String> CLIENTS = new EnumMap<>(
			Map.of(INTEGRATOR, "inspectflow-integrator-demo", INTEGRATOR_B, "inspectflow-integrator-second"));

	private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	WebhookDispatcher webhooks;

	@Autowired
	DeliveryLog deliveries;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@BeforeAll
	static void start() {
		RECEIVER.start();
		RECEIVER.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stop() {
		RECEIVER.stop();
	}

	/** Each integrator deletes what it subscribed in the test, so no test run reaches its 20-subscription limit. */
	@AfterEach
	void unsubscribe() throws Exception {
		for (Who integrator : CLIENTS.keySet()) {
			for (JsonNode subscription : call("GET", "/webhooks", integrator).json()) {
				call("DELETE", "/webhooks/" + subscription.get("id").asText(), integrator);
			}
		}
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheMatrixSays() throws Exception {
		// data owned by each side: an inbox entry for each person, two subscriptions for each integrator (one to keep,
		// one its owner deletes in the matrix), and a delivery of one event to each kept subscription
		Map<Who, String> entries = new EnumMap<>(Who.class);
		for (Who who : PEOPLE) {
			entries.put(who, entryFor(USERNAMES.get(who)));
		}
		String subscriptionA = subscribe(INTEGRATOR, "/a");
		String subscriptionB = subscribe(INTEGRATOR_B, "/b");
		String disposableA = subscribe(INTEGRATOR, "/a-disposable");
		String disposableB = subscribe(INTEGRATOR_B, "/b-disposable");
		ObjectNode event = Samples.json(CaseClosed.TYPE);
		event.put("id", UUID.randomUUID().toString());
		this.webhooks.handle(Samples.envelope(event));
		String deliveryA = this.deliveries.history(subscriptionA, NotificationChannel.WEBHOOK, 1).get(0).id();
		String deliveryB = this.deliveries.history(subscriptionB, NotificationChannel.WEBHOOK, 1).get(0).id();
		String entryA = entries.get(ENTERPRISE_A);

		SecurityMatrix matrix = new SecurityMatrix("http://localhost:" + this.port);

		// the inbox: people only (integrators have webhooks), each only its own entries
		matrix.row("GET", "/inbox", "/inbox?unreadOnly=false&page=0&size=20").allow(PEOPLE);
		matrix.row("GET", "/inbox/unread-count", "/inbox/unread-count").allow(PEOPLE);
		matrix.row("POST", "/inbox/{id}/read", (who) -> "/inbox/" + entries.getOrDefault(who, entryA) + "/read")
			.allow(PEOPLE);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/" + entryA + "/read").allow(ENTERPRISE_A);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/" + entries.get(ENTERPRISE_B) + "/read").allow(ENTERPRISE_B);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/" + entries.get(OFFICER_FUTIAN) + "/read").allow(OFFICER_FUTIAN);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/" + entries.get(OFFICER_NANSHAN) + "/read")
			.allow(OFFICER_NANSHAN);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/" + entries.get(SUPERVISOR) + "/read").allow(SUPERVISOR);
		matrix.row("POST", "/inbox/{id}/read", "/inbox/NTF-" + UUID.randomUUID() + "/read");
		matrix.row("POST", "/inbox/read-all", "/inbox/read-all").allow(PEOPLE);
		matrix.row("GET", "/inbox/stream", "/inbox/stream").allow(PEOPLE);

		// webhooks: integrator clients only, each only its own subscriptions, their log and their deliveries
		matrix.row("POST", "/webhooks", "/webhooks")
			.json("{\"url\": \"" + RECEIVER.baseUrl() + "/matrix\", \"eventTypes\": [\"workflow.CaseClosed.v1\"]}")
			.allow(INTEGRATOR, INTEGRATOR_B);
		matrix.row("GET", "/webhooks", "/webhooks").allow(INTEGRATOR, INTEGRATOR_B);
		matrix.row("GET", "/webhooks/{id}", "/webhooks/" + subscriptionA).allow(INTEGRATOR);
		matrix.row("GET", "/webhooks/{id}", "/webhooks/" + subscriptionB).allow(INTEGRATOR_B);
		matrix.row("GET", "/webhooks/{id}/deliveries", "/webhooks/" + subscriptionA + "/deliveries")
			.allow(INTEGRATOR);
		matrix.row("GET", "/webhooks/{id}/deliveries", "/webhooks/" + subscriptionB + "/deliveries")
			.allow(INTEGRATOR_B);
		matrix.row("POST", "/webhooks/{id}/deliveries/{deliveryId}/redeliver",
				"/webhooks/" + subscriptionA + "/deliveries/" + deliveryA + "/redeliver")
			.allow(INTEGRATOR);
		matrix.row("POST", "/webhooks/{id}/deliveries/{deliveryId}/redeliver",
				"/webhooks/" + subscriptionB + "/deliveries/" + deliveryB + "/redeliver")
			.allow(INTEGRATOR_B);
		// the other's delivery under one's own subscription
		matrix.row("POST", "/webhooks/{id}/deliveries/{deliveryId}/redeliver",
				(who) -> who == INTEGRATOR_B ? "/webhooks/" + subscriptionB + "/deliveries/" + deliveryA + "/redeliver"
						: "/webhooks/" + subscriptionA + "/deliveries/" + deliveryB + "/redeliver");
		// each integrator deletes its own disposable subscription; everyone else tries the kept ones
		matrix.row("DELETE", "/webhooks/{id}", (who) -> who == INTEGRATOR ? "/webhooks/" + disposableA
				: who == INTEGRATOR_B ? "/webhooks/" + disposableB : "/webhooks/" + subscriptionA)
			.allow(INTEGRATOR, INTEGRATOR_B);
		matrix.row("DELETE", "/webhooks/{id}",
				(who) -> who == INTEGRATOR_B ? "/webhooks/" + subscriptionA : "/webhooks/" + subscriptionB);

		// the caller's own claims, for anyone signed in
		matrix.row("GET", "/me", "/me").allow(PEOPLE).allow(INTEGRATOR, INTEGRATOR_B);

		// probes for anyone, their components only for admins (DOWN here: no SMTP server, so 503 is an answer too);
		// the rest of actuator for admins
		for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
			SecurityMatrix.Row row = matrix.row("GET", probe, probe);
			for (Who who : Who.values()) {
				row.expect(who, who == ADMIN ? probe(true) : probe(false));
			}
		}
		matrix.row("GET", "/actuator/info", "/actuator/info").allow(Who.values());
		matrix.row("GET", "/actuator/metrics", "/actuator/metrics").allow(ADMIN);
		matrix.row("GET", "/actuator/metrics/{requiredMetricName}", "/actuator/metrics/jvm.memory.used").allow(ADMIN);

		matrix.assertCovers(this.mappings, "* /error");
		matrix.assertAll();

		// what the refused calls did not do: the kept subscriptions are there, the disposable ones are gone
		assertThat(call("GET", "/webhooks/" + subscriptionA, INTEGRATOR).status()).isEqualTo(200);
		assertThat(call("GET", "/webhooks/" + subscriptionB, INTEGRATOR_B).status()).isEqualTo(200);
		assertThat(call("GET", "/webhooks/" + disposableA, INTEGRATOR).status()).isEqualTo(404);
		assertThat(call("GET", "/webhooks/" + disposableB, INTEGRATOR_B).status()).isEqualTo(404);
	}

	@Test
	void forgedTokensAreRefusedWith401ProblemJson() throws Exception {
		for (Map.Entry<String, String> forged : ForgedTokens.all("officer1").entrySet()) {
			Reply reply = call("GET", "/inbox", forged.getValue(), null);
			assertThat(reply.status()).as(forged.getKey()).isEqualTo(401);
			assertThat(reply.contentType()).as(forged.getKey()).startsWith("application/problem+json");
			assertThat(reply.json().get("status").asInt()).isEqualTo(401);
		}
		assertThat(call("GET", "/inbox", OFFICER_FUTIAN).status()).as("the real token").isEqualTo(200);
	}

	@Test
	void fieldsASubscriberMustNotSetAreIgnored() throws Exception {
		String chosenId = "WH-chosen-" + UUID.randomUUID();
		String body = "{\"url\": \"" + RECEIVER.baseUrl() + "/mass\", \"eventTypes\": [\"workflow.CaseClosed.v1\"],"
				+ " \"id\": \"" + chosenId + "\", \"_id\": \"" + chosenId + "\","
				+ " \"owner\": \"inspectflow-integrator-second\", \"azp\": \"inspectflow-integrator-second\","
				+ " \"createdAt\": \"2001-01-01T00:00:00Z\", \"status\": \"DISABLED\","
				+ " \"sealedSecret\": {\"algorithm\": \"none\", \"keyId\": \"attacker\", \"value\": \"plain\"},"
				+ " \"enterpriseId\": \"914403050000DM0029\", \"district\": \"440305\", \"assignee\": \"officer2\","
				+ " \"createdBy\": \"admin1\", \"maxSubscriptionsPerClient\": 1000}";
		Reply created = call("POST", "/webhooks", INTEGRATOR, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asText();
		assertThat(id).isNotEqualTo(chosenId).startsWith("WH-");
		assertThat(Instant.parse(created.json().get("createdAt").asText())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
		String secret = created.json().get("secret").asText();
		assertThat(secret).startsWith("whsec_");

		// it is the caller's, not the client it named
		assertThat(call("GET", "/webhooks/" + id, INTEGRATOR).status()).isEqualTo(200);
		assertThat(call("GET", "/webhooks/" + id, INTEGRATOR_B).status()).isEqualTo(404);
		assertThat(call("GET", "/webhooks", INTEGRATOR_B).json().findValuesAsText("id")).doesNotContain(id, chosenId);
		assertThat(call("GET", "/webhooks/" + chosenId, INTEGRATOR_B).status()).isEqualTo(404);

		Document stored = this.mongo.findById(id, Document.class, "webhook_subscriptions");
		assertThat(stored.getString("owner")).isEqualTo(CLIENTS.get(INTEGRATOR));
		assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "owner", "url", "eventTypes", "sealedSecret",
				"createdAt");
		Document sealed = stored.get("sealedSecret", Document.class);
		assertThat(sealed.getString("algorithm")).isEqualTo("AES-256-GCM");
		assertThat(sealed.getString("keyId")).isNotEqualTo("attacker");
		assertThat(stored.toJson()).doesNotContain(secret).doesNotContain("\"plain\"");
		assertThat(this.mongo.findById(chosenId, Document.class, "webhook_subscriptions")).isNull();
	}

	@Test
	void bodiesSentToEndpointsThatTakeNoneChangeNothing() throws Exception {
		String entry = entryFor("enterprise1");
		Reply read = call("POST", "/inbox/" + entry + "/read", ENTERPRISE_A,
				"{\"readAt\": \"2001-01-01T00:00:00Z\", \"recipientId\": \"enterprise2\", \"title\": \"changed\","
						+ " \"read\": false, \"id\": \"NTF-chosen\"}");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("id").asText()).isEqualTo(entry);
		assertThat(read.json().get("title").asText()).isEqualTo("matrix fixture for enterprise1");
		assertThat(Instant.parse(read.json().get("readAt").asText())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
		Document stored = this.mongo.findById(entry, Document.class, "inbox");
		assertThat(stored.getString("recipientId")).isEqualTo("enterprise1");
		assertThat(entryIds(ENTERPRISE_B, false)).doesNotContain(entry);

		String subscription = subscribe(INTEGRATOR, "/quiet");
		ObjectNode event = Samples.json(CaseClosed.TYPE);
		event.put("id", UUID.randomUUID().toString());
		this.webhooks.handle(Samples.envelope(event));
		String delivery = this.deliveries.history(subscription, NotificationChannel.WEBHOOK, 1).get(0).id();
		Reply redelivered = call("POST", "/webhooks/" + subscription + "/deliveries/" + delivery + "/redeliver",
				INTEGRATOR, "{\"status\": \"DELIVERED\", \"attempts\": 0, \"nextAttemptAt\": \"2999-01-01T00:00:00Z\","
						+ " \"recipientId\": \"WH-other\"}");
		assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
		Document due = this.mongo.findById(delivery, Document.class, "deliveries");
		assertThat(due.getString("recipientId")).isEqualTo(subscription);
		assertThat(due.getDate("nextAttemptAt").toInstant()).isBefore(Instant.parse("2999-01-01T00:00:00Z"));
		assertThat(due.getInteger("attempts")).isEqualTo(1);
	}

	@Test
	void aLiveStreamCarriesOnlyTheCallersOwnEntries() throws Exception {
		List<String> streamA = open(ENTERPRISE_A);
		List<String> streamB = open(ENTERPRISE_B);
		await().atMost(Duration.ofSeconds(3))
			.until(() -> streamA.contains("event:ready") && streamB.contains("event:ready"));

		String entryA = entryFor("enterprise1");
		String entryB = entryFor("enterprise2");

		// a stream carries its events in order: when B's own entry is there, A's would have come before it
		await().atMost(Duration.ofSeconds(3)).until(() -> streamB.contains("id:" + entryB));
		await().atMost(Duration.ofSeconds(3)).until(() -> streamA.contains("id:" + entryA));
		assertThat(String.join("\n", streamB)).doesNotContain(entryA);
		assertThat(String.join("\n", streamA)).doesNotContain(entryB);
	}

	@Test
	void readAllReadsOnlyTheCallersOwnEntries() throws Exception {
		String futian = entryFor("officer1");
		String nanshan = entryFor("officer2");

		assertThat(call("POST", "/inbox/" + nanshan + "/read", OFFICER_FUTIAN).status()).isEqualTo(404);
		assertThat(call("POST", "/inbox/read-all", OFFICER_FUTIAN).status()).isEqualTo(200);

		assertThat(entryIds(OFFICER_FUTIAN, true)).doesNotContain(futian);
		assertThat(entryIds(OFFICER_NANSHAN, true)).as("the other district's officer's entry is still unread")
			.contains(nanshan);
		assertThat(entryIds(OFFICER_FUTIAN, false)).doesNotContain(nanshan);
	}

	// ---------------------------------------------------------------------------------------------------- helpers

	/** A health answer (up or down), with or without the components that only admins may see. */
	private static SecurityMatrix.Expect probe(boolean components) {
		return new SecurityMatrix.Expect(
				"200/503 " + (components ? "with" : "without") + " components",
				(answer) -> (answer.status() == 200 || answer.status() == 503)
						&& answer.body().contains("\"components\"") == components);
	}

	/** An entry in the person's inbox, made through the real in-app channel (claimed, stored, pushed). */
	private String entryFor(String username) {
		RecipientRole role = username.startsWith("enterprise") ? RecipientRole.ENTERPRISE
				: username.startsWith("officer") ? RecipientRole.OFFICER
						: username.startsWith("supervisor") ? RecipientRole.SUPERVISOR : RecipientRole.ADMIN;
		Recipient recipient = new Recipient(username, username, role, null, null, null, null, null, null,
				Locale.SIMPLIFIED_CHINESE);
		String eventId = UUID.randomUUID().toString();
		String id = "NTF-" + UUID.randomUUID();
		// no recipient type: a fixture reports nothing on the bus
		assertThat(this.dispatcher.deliver(new Delivery(id, eventId, eventId, "CASE-2026-SEC01", null, username,
				NotificationChannel.IN_APP, recipient, "case-closed", "matrix fixture for " + username, "fixture",
				"http://localhost:8080/cases/CASE-2026-SEC01", 1)))
			.isTrue();
		return id;
	}

	private List<String> entryIds(Who who, boolean unreadOnly) throws Exception {
		Reply inbox = call("GET", "/inbox?size=100&unreadOnly=" + unreadOnly, who);
		assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
		return inbox.json().get("items").findValuesAsText("id");
	}

	private String subscribe(Who integrator, String path) throws Exception {
		Reply created = call("POST", "/webhooks", integrator, "{\"url\": \"" + RECEIVER.baseUrl() + path
				+ "\", \"eventTypes\": [\"workflow.CaseClosed.v1\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	/** The caller's live stream, read line by line in the background until it ends. */
	private List<String> open(Who who) throws Exception {
		HttpResponse<Stream<String>> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/inbox/stream"))
					.header("Authorization", "Bearer " + who.token())
					.header("Accept", "text/event-stream")
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try {
				response.body().forEach(lines::add);
			}
			catch (RuntimeException ended) {
				// the stream ended
			}
		}, "sse-reader-" + who);
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private Reply call(String method, String path, Who who) throws Exception {
		return call(method, path, who.token(), null);
	}

	private Reply call(String method, String path, Who who, String body) throws Exception {
		return call(method, path, who.token(), body);
	}

	private Reply call(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = HTTP.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), this.json);
	}

	record Reply(int status, String contentType, String body, ObjectMapper mapper) {

		JsonNode json() throws IOException {
			return this.mapper.readTree(this.body);
		}

	}

}
