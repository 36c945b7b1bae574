package org.inspectflow.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An integrator's system (a city platform, a 12369 hotline system): a client-credentials token from Keycloak, sent
 * as a bearer token to the gateway's {@code /api/integrations/**} routes. When the gateway has no such route (it
 * answers 404 for an unknown {@code /api/} path), the services' integrator endpoints are called directly, as
 * docs/integrators.md describes, and {@link #route()} says so.
 */
public final class IntegratorClient {

	private final StackConfig stack;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String token;

	private Instant tokenExpires = Instant.MIN;

	private Boolean viaGateway;

	public IntegratorClient(StackConfig stack) {
		this.stack = stack;
	}

	public String clientId() {
		return StackConfig.INTEGRATOR_CLIENT;
	}

	/** {@code gateway /api/integrations/**}, or the services directly when the gateway has no integrator route. */
	public String route() {
		return viaGateway() ? "the gateway's /api/integrations/** route"
				: "workflow-service's and notification-service's own integrator endpoints (the gateway has no"
						+ " /api/integrations/** route)";
	}

	public boolean viaGateway() {
		if (this.viaGateway == null) {
			Response probe = call("GET", this.stack.gateway() + "/api/integrations/webhooks", null);
			this.viaGateway = probe.status() != 404;
		}
		return this.viaGateway;
	}

	/** POST a clue (the data of {@code workflow.ReportClue.v1}). */
	public Response reportClue(Object clue) {
		String url = viaGateway() ? this.stack.gateway() + "/api/integrations/clues"
				: this.stack.workflowService() + "/integrations/clues";
		return call("POST", url, Json.write(clue));
	}

	/** {@code path} below {@code /webhooks}, e.g. {@code ""} or {@code "/{id}/deliveries"}. */
	public Response webhooks(String method, String path, Object body) {
		String url = viaGateway() ? this.stack.gateway() + "/api/integrations/webhooks" + path
				: this.stack.notificationService() + "/webhooks" + path;
		return call(method, url, body == null ? null : Json.write(body));
	}

	private Response call(String method, String url, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token())
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(method, URI.create(url).getPath(), response.statusCode(), response.body(),
					response.headers());
		}
		catch (IOException ex) {
			throw new StepFailure("an answer to " + method + " " + url, ex.toString(), "gateway");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh token when the last one has less than a minute left (tokens live 300 s; no refresh for clients). */
	private synchronized String token() {
		if (this.token != null && Instant.now().isBefore(this.tokenExpires.minusSeconds(60))) {
			return this.token;
		}
		String url = this.stack.keycloak() + "/realms/inspectflow/protocol/openid-connect/token";
		String form = "grant_type=client_credentials&client_id=" + StackConfig.INTEGRATOR_CLIENT + "&client_secret="
				+ URLEncoder.encode(StackConfig.INTEGRATOR_SECRET, StandardCharsets.UTF_8);
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode answer = Json.parse(response.body());
			if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
				throw new StepFailure("a client-credentials token for " + StackConfig.INTEGRATOR_CLIENT,
						response.statusCode() + " " + response.body(), "keycloak");
			}
			this.token = answer.get("access_token").asText();
			this.tokenExpires = Instant.now().plusSeconds(answer.path("expires_in").asLong(300));
			return this.token;
		}
		catch (IOException ex) {
			throw new StepFailure("Keycloak's token endpoint at " + url + " to answer", ex.toString(), "keycloak");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
