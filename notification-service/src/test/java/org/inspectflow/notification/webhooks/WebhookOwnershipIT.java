package org.inspectflow.notification.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.inspectflow.contracts.events.CaseClosed;
import org.inspectflow.notification.Samples;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook ownership with real client-credentials tokens of two integrators from the real Keycloak
 * ({@code inspectflow-integrator-demo} and {@code inspectflow-integrator-second}): each one's subscriptions, delivery
 * log and redelivery are invisible and untouchable to the other (404 problem+json, as for an id that does not exist),
 * both ways round, while its own work as documented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "inspectflow.notification.listeners.auto-startup=false",
				"inspectflow.notification.delivery.retry-interval=1h",
				"inspectflow.notification.webhooks.allow-private-targets=true", "spring.mail.host=127.0.0.1",
				"spring.mail.port=1", "inspectflow.notification.sms.base-url=http://127.0.0.1:1" })
@DirtiesContext
class WebhookOwnershipIT {

	private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	WebhookDispatcher webhooks;

	@Autowired
	ObjectMapper json;

	@BeforeAll
	static void start() {
		RECEIVER.start();
		RECEIVER.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stop() {
		RECEIVER.stop();
	}

	@Test
	void eachIntegratorsSubscriptionsDeliveriesAndRedeliveriesAreInvisibleAndUntouchableToTheOther() throws Exception {
		String a = Keycloak.integratorToken();
		String b = Keycloak.secondIntegratorToken();
		String subscriptionA = subscribe(a, "/integrator-a");
		String subscriptionB = subscribe(b, "/integrator-b");
		try {
			ObjectNode event = Samples.json(CaseClosed.TYPE);
			event.put("id", UUID.randomUUID().toString());
			this.webhooks.handle(Samples.envelope(event));
			String deliveryA = onlyDelivery(a, subscriptionA, event);
			String deliveryB = onlyDelivery(b, subscriptionB, event);

			cannotReach(b, subscriptionA, deliveryA, subscriptionB);
			cannotReach(a, subscriptionB, deliveryB, subscriptionA);

			// untouched: each still has its subscription and its delivery as delivered, not made due again
			for (String[] own : List.of(new String[] { a, subscriptionA, deliveryA },
					new String[] { b, subscriptionB, deliveryB })) {
				assertThat(call("GET", "/webhooks/" + own[1], own[0]).status()).isEqualTo(200);
				JsonNode log = call("GET", "/webhooks/" + own[1] + "/deliveries", own[0]).json();
				assertThat(log).hasSize(1);
				assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
				assertThat(log.get(0).get("nextAttemptAt").isNull()).isTrue();
			}

			// and its own redelivery and deletion work
			Reply redelivered = call("POST", "/webhooks/" + subscriptionA + "/deliveries/" + deliveryA + "/redeliver", a);
			assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
			assertThat(redelivered.json().get("nextAttemptAt").isNull()).as("due again").isFalse();
			assertThat(call("POST", "/webhooks/" + subscriptionB + "/deliveries/" + deliveryB + "/redeliver", b)
				.status()).isEqualTo(202);
		}
		finally {
			assertThat(call("DELETE", "/webhooks/" + subscriptionA, a).status()).isEqualTo(204);
			assertThat(call("DELETE", "/webhooks/" + subscriptionB, b).status()).isEqualTo(204);
		}
		assertThat(call("GET", "/webhooks/" + subscriptionA, a).status()).as("deleted").isEqualTo(404);
	}

	/** The other integrator's subscription, its log and its delivery, by every path there is. */
	private void cannotReach(String token, String theirs, String theirDelivery, String mine) throws Exception {
		JsonNode list = call("GET", "/webhooks", token).json();
		assertThat(list.findValuesAsText("id")).contains(mine).doesNotContain(theirs);
		for (Reply refused : List.of(call("GET", "/webhooks/" + theirs, token),
				call("GET", "/webhooks/" + theirs + "/deliveries", token),
				call("POST", "/webhooks/" + theirs + "/deliveries/" + theirDelivery + "/redeliver", token),
				// their delivery under my own subscription
				call("POST", "/webhooks/" + mine + "/deliveries/" + theirDelivery + "/redeliver", token),
				call("DELETE", "/webhooks/" + theirs, token))) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(404);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).doesNotContain("url").doesNotContain("integrator-");
		}
	}

	private String subscribe(String token, String path) throws Exception {
		Reply created = call("POST", "/webhooks", token, this.json.writeValueAsString(java.util.Map.of("url",
				RECEIVER.baseUrl() + path, "eventTypes", List.of(CaseClosed.TYPE))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	private String onlyDelivery(String token, String subscription, ObjectNode event) throws Exception {
		JsonNode log = call("GET", "/webhooks/" + subscription + "/deliveries", token).json();
		assertThat(log).as(log.toString()).hasSize(1);
		assertThat(log.get(0).get("eventId").asText()).isEqualTo(event.get("id").asText());
		assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
		return log.get(0).get("id").asText();
	}

	private Reply call(String method, String path, String token) throws Exception {
		return call(method, path, token, null);
	}

	private Reply call(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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
