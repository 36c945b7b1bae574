package org.inspectflow.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.inspectflow.support.test.ForgedTokens;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrators' way in, with real client-credentials tokens of the Keycloak that {@code ./inspectflow test}
 * starts: {@code POST /api/integrations/clues} reaches workflow-service's {@code POST /integrations/clues},
 * {@code /api/integrations/webhooks/**} reaches notification-service's {@code /webhooks/**}, each with the
 * integrator's own token unchanged, without a session, a cookie or a CSRF token; nothing else under
 * {@code /api/integrations/} exists, and nobody but an integrator gets through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "inspectflow.security.clock-skew=0s")
class IntegratorAccessIT {

	private static final DownstreamStub services = DownstreamStub.start();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void routeTheServicesToTheStub(DynamicPropertyRegistry registry) {
		services.routeEveryServiceHere(registry);
	}

	@AfterAll
	static void stopStub() {
		services.close();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void forgetEarlierRequests() {
		services.clear();
	}

	@Test
	void pushesAClueToTheWorkflowServiceWithTheIntegratorsOwnToken() {
		String token = Keycloak.integratorToken();
		// fields a client must not set: the gateway passes them on untouched for the workflow service to refuse or
		// ignore, and adds nothing the service could mistake for the caller's identity
		String clue = "{\"channel\":\"INTEGRATOR_API\",\"description\":\"烟囱冒黑烟 black smoke\","
				+ "\"uscc\":\"914403040000DM001P\",\"status\":\"CLOSED\",\"enterpriseId\":\"914403050000DM0029\","
				+ "\"assignee\":\"officer2\",\"district\":\"440305\",\"createdBy\":\"admin1\",\"hash\":\"00\"}";

		HttpResponse<String> response = call("POST", "/api/integrations/clues", token, clue);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).as("no session, no CSRF cookie").isEmpty();
		DownstreamStub.Received received = services.last();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/integrations/clues");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(clue);
		assertThat(received.header("Cookie")).isNull();
	}

	@Test
	void letsEachIntegratorManageWebhooksAtTheNotificationService() {
		Map<String, String> calls = Map.of("GET /api/integrations/webhooks", "/webhooks",
				"POST /api/integrations/webhooks", "/webhooks", "GET /api/integrations/webhooks/w-1", "/webhooks/w-1",
				"DELETE /api/integrations/webhooks/w-1", "/webhooks/w-1",
				"GET /api/integrations/webhooks/w-1/deliveries", "/webhooks/w-1/deliveries",
				"POST /api/integrations/webhooks/w-1/deliveries/d-1/redeliver", "/webhooks/w-1/deliveries/d-1/redeliver");
		for (String token : new String[] { Keycloak.integratorToken(), Keycloak.secondIntegratorToken() }) {
			calls.forEach((call, servicePath) -> {
				String method = call.substring(0, call.indexOf(' '));
				String path = call.substring(call.indexOf(' ') + 1);
				HttpResponse<String> response = call(method, path, token,
						method.equals("POST") ? "{\"url\":\"https://integrator.example.org/hook\"}" : null);
				assertThat(response.statusCode()).as(call).isEqualTo(200);
				DownstreamStub.Received received = services.last();
				assertThat(received.method()).as(call).isEqualTo(method);
				assertThat(received.path()).as(call).isEqualTo(servicePath);
				assertThat(received.header("Authorization")).as(call).isEqualTo("Bearer " + token);
			});
		}
	}

	@Test
	void reachesNothingElseUnderTheIntegrationApi() {
		String token = Keycloak.integratorToken();
		for (String call : new String[] { "GET /api/integrations/clues", "PUT /api/integrations/clues",
				"GET /api/integrations/cases", "POST /api/integrations/cases/c-1/closure", "GET /api/integrations/events",
				"GET /api/integrations", "GET /api/integrations/%2e%2e/workflow/cases",
				"POST /api/integrations/clues/../../workflow/cases" }) {
			String method = call.substring(0, call.indexOf(' '));
			HttpResponse<String> response = call(method, call.substring(call.indexOf(' ') + 1), token,
					method.equals("GET") ? null : "{}");
			assertThat(response.statusCode()).as(call).isIn(400, 404);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(call + ": " + response.body())
				.startsWith("application/problem+json");
		}
		assertThat(services.received()).as("what reached a service").isEmpty();
	}

	@Test
	void opensNoPortalApiWithAnIntegratorToken() {
		HttpResponse<String> response = call("GET", "/api/workflow/cases", Keycloak.integratorToken(), null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertProblem(response);
		assertThat(services.received()).isEmpty();
	}

	@Test
	void asksACallerWithoutTokenForOne() {
		HttpResponse<String> response = call("POST", "/api/integrations/clues", null, "{}");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(response);
		assertThat(services.received()).isEmpty();
	}

	@Test
	void refusesUsersTokensWithoutTheIntegratorRole() {
		for (String user : new String[] { "officer1", "supervisor1", "enterprise1", "admin1" }) {
			HttpResponse<String> response = call("POST", "/api/integrations/clues", Keycloak.userToken(user), "{}");
			assertThat(response.statusCode()).as(user).isEqualTo(403);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
				.contains("insufficient_scope");
			assertProblem(response);
		}
		assertThat(services.received()).isEmpty();
	}

	@Test
	void refusesForgedAndExpiredTokens() throws Exception {
		Map<String, String> forged = new java.util.LinkedHashMap<>(ForgedTokens.all("officer1"));
		forged.put("an integrator's claims signed by another key", integratorClaimsSignedByAnotherKey());
		forged.forEach((forgery, token) -> {
			HttpResponse<String> response = call("POST", "/api/integrations/clues", token, "{}");
			assertThat(response.statusCode()).as(forgery).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).as(forgery)
				.contains("invalid_token");
			assertProblem(response);
		});
		assertThat(services.received()).isEmpty();
	}

	/** The demo integrator's real claims (with the integrator role), signed by a key the realm never had. */
	private static String integratorClaimsSignedByAnotherKey() throws Exception {
		SignedJWT real = SignedJWT.parse(Keycloak.integratorToken());
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		JWTClaimsSet claims = new JWTClaimsSet.Builder(real.getJWTClaimsSet())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(real.getHeader().getKeyID()).build(), claims);
		forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
		return forged.serialize();
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + response.statusCode());
	}

	private HttpResponse<String> call(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (json == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
